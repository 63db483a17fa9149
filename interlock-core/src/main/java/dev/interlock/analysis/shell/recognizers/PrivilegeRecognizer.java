package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Privilege changes are {@code escalate}: interactive root shells ({@code sudo -i}, {@code su -}), {@code pkexec},
 * {@code doas -s}, editing sudoers, joining privileged groups (also through macOS's directory tools: {@link MacAccounts}),
 * file capabilities, and an agent turning off its own permission prompts ({@code claude --dangerously-skip-permissions}).
 * {@code sudo CMD} itself is unwrapped by the analyzer and judged by CMD: {@code sudo git status} stays a read.
 */
public final class PrivilegeRecognizer implements Recognizer {

    /** Groups whose members are root in all but name. */
    private static final Set<String> PRIVILEGED_GROUPS = Set.of("sudo", "wheel", "admin", "root", "docker", "adm", "lxd",
            "libvirt", "disk", "shadow", "kvm", "staff", "systemd-journal");
    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "fish", "dash", "ksh", "csh", "tcsh", "su");
    private static final Pattern SUDOERS = Pattern.compile("/etc/sudoers(\\.d(/.*)?)?|/etc/doas\\.conf|/private/etc/sudoers.*");

    /** Agent CLIs and the flags with which they stop asking for permission. */
    private static final Map<String, Set<String>> AGENT_BYPASS = Map.of(
            "claude", Set.of("--dangerously-skip-permissions", "--permission-mode=bypassPermissions", "--allow-dangerously-skip-permissions"),
            "codex", Set.of("--dangerously-bypass-approvals-and-sandbox", "--yolo", "--full-auto", "--sandbox=danger-full-access",
                    "-s=danger-full-access", "--ask-for-approval=never", "-a=never"),
            "gemini", Set.of("--yolo", "-y", "--approval-mode=yolo"),
            "cursor-agent", Set.of("--force", "-f"),
            "qwen", Set.of("--yolo", "-y"),
            "aider", Set.of("--yes-always"),
            "amp", Set.of("--dangerously-allow-all"),
            "copilot", Set.of("--allow-all-tools", "--allow-all", "--yolo", "--allow-all-paths"),
            "kiro-cli", Set.of("--trust-all-tools", "--trust-tools=*"),
            "q", Set.of("--trust-all-tools"));

    /** The AWS Copilot CLI's command groups: the same program name as GitHub's coding agent. */
    private static final Set<String> AWS_COPILOT = Set.of("app", "env", "svc", "job", "pipeline", "storage", "task", "deploy",
            "init", "run", "secret", "docs");

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(Set.of("userdel", "deluser", "groupdel", "delgroup"));
        all.addAll(Set.of("sudo", "su", "pkexec", "doas", "runuser", "visudo", "usermod",
                "useradd", "adduser", "gpasswd", "passwd", "chpasswd", "setcap", "newgrp", "sg", "ssh-add", "ssh-keygen", "ssh-copy-id"));
        all.addAll(MacAccounts.PROGRAMS);
        all.addAll(AGENT_BYPASS.keySet());
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        if (program.equals("copilot") && !inv.words().isEmpty() && AWS_COPILOT.contains(inv.words().getFirst())) {
            // AWS Copilot, not GitHub's agent: `copilot app delete` is read by its words like any unfamiliar CLI
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        if (AGENT_BYPASS.containsKey(program)) {
            return agent(inv);
        }
        if (program.equals("passwd") && (inv.words().contains("-S") || inv.words().contains("--status"))) {
            // an account's password status (locked, set, last changed): no hash, no change
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.READ).resource("user",
                    inv.parse(Set.of()).positional(0).orElse("")).evidence(inv.evidence()), "this machine's accounts").build());
        }
        return switch (program) {
            case "sudo", "doas", "pkexec", "runuser" -> runAs(inv, nested);
            case "su" -> su(inv, nested);
            case "ssh-copy-id" -> List.of(copyId(inv));
            case "visudo" -> inv.words().contains("-c") || inv.words().contains("--check")
                    ? List.of(LocalFiles.read(inv, "/etc/sudoers"))
                    : List.of(escalate(inv, "sudoers", "/etc/sudoers", "edits who may become root"));
            case "usermod", "useradd", "adduser", "gpasswd" -> membership(inv);
            case "dscl", "dseditgroup", "sysadminctl" -> List.of(MacAccounts.recognize(inv, PRIVILEGED_GROUPS));
            case "passwd", "chpasswd" -> List.of(LocalFiles.local(inv, Operation.builder("os", Verb.CREDENTIAL)
                    .resource("user", inv.parse(Set.of()).positional(0).orElse(""))
                    .reversible(false).evidence(inv.evidence()).note("changes a login password"), "this machine's accounts").build());
            case "setcap" -> inv.words().contains("-v")
                    ? List.of(LocalFiles.read(inv, inv.words().getLast()))
                    : List.of(escalate(inv, "capability", inv.words().isEmpty() ? "" : inv.words().getLast(), "gives a binary root capabilities"));
            case "userdel", "deluser", "groupdel", "delgroup" -> List.of(LocalFiles.local(inv, Operation.builder("os", Verb.DELETE)
                    .resource(inv.program().contains("group") ? "group" : "user", inv.parse(Set.of("-R", "--root")).positional(0).orElse(""))
                    .stateful(true).reversible(false).evidence(inv.evidence())
                    .note("deletes an account" + (inv.words().contains("-r") || inv.words().contains("--remove-home") ? " and its home" : "")),
                    "this machine's accounts").build());
            case "newgrp", "sg" -> List.of(escalate(inv, "group", inv.words().isEmpty() ? "" : inv.words().getFirst(),
                    "starts a shell with another group"));
            default -> List.of(sshKeys(inv));
        };
    }

    /** True when writing {@code resolvedPath} changes who may become root. */
    public static boolean isSudoers(String resolvedPath) {
        return SUDOERS.matcher(resolvedPath).matches();
    }

    /** Writing sudoers through {@code tee} or {@code sed -i}, for {@link SelfProtectionRecognizer}. */
    public static Operation sudoersWrite(Invocation inv, String path) {
        return escalate(inv, "sudoers", inv.workspace().resolve(path), "edits who may become root");
    }

    static Operation escalate(Invocation inv, String type, String name, String note) {
        Operation.Builder b = Operation.builder("os", Verb.ESCALATE).resource(type, name)
                .reversible(false).evidence(inv.evidence()).note(note);
        return LocalFiles.local(inv, b, "this machine's privileges").build();
    }

    /**
     * {@code sudo -i}, {@code sudo -s}, {@code sudo su}, {@code sudo bash}, {@code doas -s}: an open-ended root shell.
     * With a command the analyzer normally unwraps {@code sudo}; if it reaches us, the command is analyzed as shell.
     */
    private static List<Operation> runAs(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-u", "--user", "-g", "--group", "-C", "-D", "--chdir", "-h", "--host", "-p", "--prompt",
                "-r", "--role", "-t", "--type", "-U", "--other-user", "-T", "--command-timeout"));
        if (p.has("-l", "--list", "-v", "--validate", "-k", "--reset-timestamp", "-K", "-V", "--version", "--help")
                && p.positionals().isEmpty() && !inv.program().equals("runuser")) {
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.READ).resource("privileges", inv.program())
                    .evidence(inv.evidence()), "this machine's privileges").build());
        }
        List<Arg> command = new ArrayList<>(p.positionals());
        command.addAll(p.afterDoubleDash());
        boolean shell = p.has("-i", "--login", "-s", "--shell") && command.isEmpty();
        if (!command.isEmpty() && SHELLS.contains(LocalFiles.basename(command.getFirst().value()))) {
            List<String> rest = command.subList(1, command.size()).stream().map(Arg::value).toList();
            boolean runsString = rest.contains("-c") || inv.program().equals("su") && rest.contains("-c");
            shell = !runsString;
        }
        String user = p.value("-u", "--user").orElse("root");
        if (shell || command.isEmpty()) {
            return List.of(escalate(inv, "user", user, "opens an interactive shell as " + user));
        }
        String line = String.join(" ", command.stream().map(a -> quote(a.value())).toList());
        List<Operation> ops = new ArrayList<>();
        if (inv.program().equals("pkexec")) {
            ops.add(escalate(inv, "user", user, "runs a command as root through polkit"));
        }
        for (Operation op : nested.shell(line, inv)) {
            ops.add(op.withEvidence(inv.evidence()));
        }
        if (ops.isEmpty()) {
            ops.add(LocalFiles.execute(inv, command.getFirst().value(), "runs as " + user));
        }
        return ops;
    }

    /** {@code su}, {@code su -}, {@code su root}: a root shell; {@code su -c CMD user}: CMD as another user. */
    private static List<Operation> su(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-c", "--command", "-s", "--shell", "-g", "--group", "-w"));
        String user = p.positionals().stream().map(Arg::value).filter(w -> !w.equals("-")).findFirst().orElse("root");
        List<Operation> ops = new ArrayList<>();
        ops.add(escalate(inv, "user", user, p.value("-c", "--command").isPresent()
                ? "runs a command as " + user : "opens an interactive shell as " + user));
        p.value("-c", "--command").ifPresent(cmd -> nested.shell(cmd, inv).forEach(op -> ops.add(op.withEvidence(inv.evidence()))));
        return ops;
    }

    /** Group membership: joining a privileged group is escalation; other account changes are local updates. */
    private static List<Operation> membership(Invocation inv) {
        ParsedArgs p = inv.parse(inv.program().equals("gpasswd")
                ? Set.of("-a", "--add", "-d", "--delete", "-M", "--members", "-A", "--administrators", "-R", "--root")
                : Set.of("-G", "-g", "--groups", "--gid", "-d", "--home", "--home-dir", "-s", "--shell", "-c", "--comment",
                        "-u", "--uid", "-e", "-f", "-l", "--login", "--ingroup", "-p", "--password", "-R", "--root", "-k"));
        List<String> groups = new ArrayList<>();
        for (String flag : List.of("-G", "--groups", "-g", "--gid", "--ingroup")) {
            p.value(flag).ifPresent(v -> groups.addAll(List.of(v.split(","))));
        }
        List<String> words = p.words();
        if (inv.program().equals("gpasswd")) {
            p.value("-a", "--add", "-M", "-A").ifPresent(u -> groups.add(words.isEmpty() ? "" : words.getLast()));
        } else if (inv.program().equals("adduser") && words.size() == 2) {
            groups.add(words.get(1));
        }
        String user = inv.program().equals("gpasswd") ? p.value("-a", "--add", "-d", "--delete").orElse("")
                : words.isEmpty() ? "" : words.getFirst();
        for (String group : groups) {
            if (PRIVILEGED_GROUPS.contains(group)) {
                return List.of(escalate(inv, "group", group, "adds " + user + " to the privileged group " + group));
            }
        }
        boolean creates = inv.program().equals("useradd") || inv.program().equals("adduser") && words.size() < 2;
        Verb verb = creates ? Verb.CREATE : groups.isEmpty() ? Verb.UPDATE : Verb.GRANT;
        if (inv.program().equals("gpasswd") && p.has("-d", "--delete")) {
            verb = Verb.GRANT;
        }
        return List.of(LocalFiles.local(inv, Operation.builder("os", verb).resource("user", user)
                .evidence(inv.evidence()).confidence(Confidence.INFERRED), "this machine's accounts").build());
    }

    /** Options that pre-approve tools for the agent they start. */
    private static final Set<String> ALLOWED_TOOLS = Set.of("--allowedTools", "--allowed-tools", "--allow-tool", "--allowedtools");
    /** A pre-approved shell with no command pattern: Bash, Bash(*), shell, run_shell_command without arguments. */
    private static final Pattern ANY_SHELL = Pattern.compile("(?i)(^|[\\s,])(Bash|shell|run_shell_command|execute_bash)(\\((\\*|:\\*)?\\))?(?=$|[\\s,])");

        /** Settings through which an agent's own CLI turns its hooks or permission checks off. */
    private static final Pattern GUARD_SETTINGS = Pattern.compile("(?i)hooks?|disableAllHooks|permissions?|allowedTools|"
            + "defaultMode|dangerouslySkipPermissions|approval_?(policy|mode)|sandbox_?mode|yolo|trust.*|autoApprove.*|tools?\\.allowed");

    /** Options that give an agent settings for one run: claude's --settings JSON, codex's -c key=value overrides. */
    private static final Map<String, Set<String>> SETTINGS_OPTIONS = Map.of("claude", Set.of("--settings"),
            "codex", Set.of("-c", "--config"));
    /** Settings given that way which turn the hooks off, empty them, or skip the permission checks. */
    private static final Pattern BYPASS_SETTINGS = Pattern.compile("(?i)\"disableAllHooks\"\\s*:\\s*true"
            + "|\"hooks\"\\s*:\\s*(\\{\\s*}|null)|\"bypassPermissions\"|\"dangerouslySkipPermissions\"\\s*:\\s*true|approval_policy\\s*=\\s*\"?never"
            + "|sandbox_mode\\s*=\\s*\"?danger-full-access");

    /** {@code claude --dangerously-skip-permissions} and friends: the agent removes its own guard rails. */
    private static List<Operation> agent(Invocation inv) {
        Set<String> bypass = AGENT_BYPASS.get(inv.program());
        List<String> words = inv.words();
        // claude config set -g hooks '{}': the agent's own settings command rewrites what guards it
        if (words.size() > 2 && words.getFirst().equals("config") && Set.of("set", "add", "remove", "rm", "unset").contains(words.get(1))) {
            String key = words.stream().skip(2).filter(w -> !w.startsWith("-")).findFirst().orElse("");
            if (GUARD_SETTINGS.matcher(key).matches()) {
                return List.of(SelfProtectionRecognizer.protectedWrite(inv, inv.workspace().home() + "/." + inv.program() + "/settings.json",
                        inv.program() + " config " + words.get(1) + " " + key + " changes"));
            }
        }
        // claude mcp add …: a tool server the agent gets from now on, written into its own configuration
        if (words.size() > 1 && words.getFirst().equals("mcp") && Set.of("add", "add-json", "add-from-claude-desktop", "remove", "rm")
                .contains(words.get(1))) {
            return List.of(SelfProtectionRecognizer.protectedWrite(inv, inv.workspace().home() + "/." + inv.program() + ".json",
                    inv.program() + " mcp " + words.get(1) + " changes the agent's MCP servers in"));
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String joined = i + 1 < words.size() ? w + "=" + words.get(i + 1) : w;
            int eq = w.indexOf('=');
            String option = eq > 0 ? w.substring(0, eq) : w;
            String value = eq > 0 ? w.substring(eq + 1) : i + 1 < words.size() ? words.get(i + 1) : "";
            if (ALLOWED_TOOLS.contains(option) && ANY_SHELL.matcher(value).find()) {
                return List.of(Operation.builder("agent", Verb.ESCALATE).resource("agent", inv.program()).reversible(false)
                        .evidence(inv.evidence()).note(inv.program() + " " + option + " '" + value
                                + "' lets the agent run any shell command without asking").build());
            }
            if (SETTINGS_OPTIONS.getOrDefault(inv.program(), Set.of()).contains(option) && BYPASS_SETTINGS.matcher(value).find()) {
                return List.of(Operation.builder("agent", Verb.ESCALATE).resource("agent", inv.program()).reversible(false)
                        .evidence(inv.evidence()).note(inv.program() + " " + option + " '" + value
                                + "' starts the agent with its hooks or permission checks off").build());
            }
            if (bypass.contains(w) || bypass.contains(joined)) {
                return List.of(Operation.builder("agent", Verb.ESCALATE).resource("agent", inv.program())
                        .reversible(false).evidence(inv.evidence())
                        .note(inv.program() + " " + w + " turns off the agent's permission checks").build());
            }
        }
        return List.of(LocalFiles.execute(inv, inv.program(), "runs a coding agent with its own permission checks"));
    }

    /**
     * {@code ssh-copy-id user@host}: this machine's key goes into the host's {@code authorized_keys}, so whoever holds
     * it (the agent) logs in there from now on without a password: access granted on that host.
     */
    private static Operation copyId(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-i", "-p", "-o", "-F", "-t", "-J"));
        String target = p.positional(0).orElse("");
        String host = target.substring(target.indexOf('@') + 1);
        return Operation.builder("ssh", Verb.GRANT).resource("authorized-key", target).locator("host", host)
                .evidence(inv.evidence()).note("adds a key to " + target + "'s authorized_keys: it logs in there from now on").build();
    }

    /** {@code ssh-keygen} and {@code ssh-add} create or load keys on this machine. */
    private static Operation sshKeys(Invocation inv) {
        boolean read = inv.words().contains("-l") || inv.words().contains("-L") || inv.words().contains("-F")
                || inv.words().contains("-y");
        Verb verb = read ? Verb.READ : Verb.CREATE;
        return LocalFiles.local(inv, Operation.builder("ssh", verb).resource("key", "").evidence(inv.evidence()),
                "keys on this machine").build();
    }

    private static String quote(String w) {
        return Regex.matches(w, "[\\w@%+=:,./~-]+") ? w : "'" + w.replace("'", "'\\''") + "'";
    }
}
