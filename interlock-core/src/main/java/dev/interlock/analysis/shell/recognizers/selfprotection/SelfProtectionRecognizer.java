package dev.interlock.analysis.shell.recognizers.selfprotection;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.PrivilegeRecognizer;
import dev.interlock.analysis.shell.recognizers.controls.ControlFiles;
import dev.interlock.analysis.shell.recognizers.filesystem.FileMeaning;
import dev.interlock.analysis.shell.recognizers.filesystem.FileTarget;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Interlock's own configuration and the agents' hook settings that route through it: writing them, and running the
 * {@code interlock} CLI to approve, mint tokens or change policy, are operations on system {@code interlock}, which
 * the built-in self-protection invariant denies to agents. Also owns {@code tee} and {@code sed}, the usual ways to
 * write a file without an editor, and routes their other targets (sudoers, secrets, ordinary files).
 */
public final class SelfProtectionRecognizer implements Recognizer {

    /** {@code interlock} subcommand → verb; anything not listed counts as a change. */
    private static final Map<String, Verb> CLI = Map.ofEntries(
            Map.entry("approvals approve", Verb.GRANT), Map.entry("approvals deny", Verb.GRANT),
            Map.entry("approvals cancel", Verb.GRANT), Map.entry("approvals list", Verb.READ),
            Map.entry("approvals show", Verb.READ), Map.entry("approvals request", Verb.READ),
            Map.entry("token list", Verb.READ), Map.entry("token", Verb.GRANT),
            Map.entry("policy test", Verb.READ), Map.entry("policy lint", Verb.READ), Map.entry("policy show", Verb.READ),
            Map.entry("policy list", Verb.READ), Map.entry("policy replay", Verb.READ), Map.entry("policy", Verb.UPDATE),
            Map.entry("install", Verb.UPDATE), Map.entry("uninstall", Verb.UPDATE), Map.entry("init", Verb.UPDATE),
            Map.entry("check", Verb.READ), Map.entry("decide", Verb.READ), Map.entry("explain", Verb.READ),
            Map.entry("demo", Verb.READ), Map.entry("version", Verb.READ), Map.entry("help", Verb.READ),
            Map.entry("audit", Verb.READ), Map.entry("hook", Verb.READ), Map.entry("verify", Verb.READ), Map.entry("doctor", Verb.READ),
            Map.entry("report", Verb.READ), Map.entry("status", Verb.READ), Map.entry("plan", Verb.READ),
            Map.entry("incident", Verb.READ), Map.entry("replay", Verb.READ), Map.entry("grants list", Verb.READ),
            Map.entry("grants", Verb.GRANT));

    /** {@code interlock exec} options that take a value; {@code --policy}/{@code --inventory} choose the rules. */
    private static final Set<String> EXEC_VALUED = Set.of("--wait", "--env", "--session", "--server", "--token",
            "--token-file", "--policy", "--inventory");

    @Override
    public Set<String> programs() {
        return Set.of("tee", "sed", "gsed", "interlock");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "interlock" -> inv.words().contains("exec") && firstWord(inv).equals("exec") ? exec(inv, nested) : List.of(cli(inv));
            case "tee" -> tee(inv);
            default -> sed(inv);
        };
    }

    private static boolean isProtected(Invocation inv, String path) {
        String resolved = inv.workspace().resolve(path);
        String home = inv.env().getOrDefault("INTERLOCK_HOME", "");
        return SelfProtection.isProtectedPath(resolved, inv.workspace()) || !home.isEmpty()
                && (resolved.equals(inv.workspace().resolve(home)) || resolved.startsWith(inv.workspace().resolve(home) + "/"));
    }

    /** A change to a protected file. */
    public static Operation protectedWrite(Invocation inv, String path, String how) {
        String resolved = inv.workspace().resolve(path);
        return Operation.builder("interlock", Verb.UPDATE).resource("configuration", resolved).locator("path", resolved)
                .reversible(false).evidence(inv.evidence())
                .note(how + " Interlock's configuration or an agent hook setting (" + LocalFiles.basename(resolved) + ")").build();
    }

    /**
     * Writing one file (tee, sed -i, perl -i, a download's output, code that opens a file for writing): self-protection
     * first, then sudoers, then an ordinary local write.
     */
    public static Operation write(Invocation inv, String path, String how) {
        if (path.endsWith("/{}")) {
            Optional<Operation> found = everyFound(inv, path, how);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (isProtected(inv, path)) {
            return protectedWrite(inv, path, how);
        }
        String resolved = inv.workspace().resolve(path);
        if (PrivilegeRecognizer.isSudoers(resolved)) {
            return PrivilegeRecognizer.sudoersWrite(inv, path);
        }
        var meaning = FileMeaning.of(resolved, inv.workspace(), false, how + " ");
        if (meaning.isPresent()) {
            return meaning.get().evidence(inv.evidence()).build();
        }
        Operation.Builder b = LocalFiles.on(inv, Verb.UPDATE, "file", path).note(how + " " + path);
        if (inv.workspace().area(path) == Workspace.Area.SYSTEM) {
            b.stateful(true).reversible(false);
        }
        return b.build();
    }

    /**
     * {@code find DIR -exec sed -i … {} +}, {@code rg -l x DIR | xargs sd …}: every file found under DIR is edited. Under
     * a protected directory that includes the guard's settings; under the root, a home directory (also as the working
     * directory) or a top system directory it is every dotfile, key and setting there. Empty for other directories.
     */
    private static Optional<Operation> everyFound(Invocation inv, String path, String how) {
        String dir = path.length() == 3 ? "/" : path.substring(0, path.length() - 3);
        if (isProtected(inv, dir)) {
            return Optional.of(protectedWrite(inv, dir, how + " every file found under"));
        }
        FileTarget t = FileTarget.of(Arg.of(path), inv);
        boolean wide = t.area() == Workspace.Area.ROOT || t.area() == Workspace.Area.HOME_ROOT
                || t.area() == Workspace.Area.SYSTEM && Regex.matches(t.path(), "/[^/]+");
        if (!wide) {
            return Optional.empty();
        }
        return Optional.of(LocalFiles.local(inv, Operation.builder("filesystem", Verb.UPDATE)
                .resource("files", t.path()).locator("path", t.path()).locator("area", t.area().wire())
                .scope(Scope.ALL).stateful(true).reversible(false).evidence(inv.evidence())
                .note(how + " every file found under " + t.path() + ": dotfiles, keys and settings included"), "files on this machine").build());
    }

    private static List<Operation> tee(Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        ParsedArgs p = inv.parse(Set.of("--output-error"));
        String how = p.has("-a", "--append") ? "appends to" : "overwrites";
        for (Arg file : p.positionals()) {
            if (!Regex.matches(file.value(), "/dev/(null|stdout|stderr|tty|fd/\\d+)")) {
                ops.add(write(inv, file.value(), how));
            }
        }
        if (ops.isEmpty()) {
            ops.add(LocalFiles.on(inv, Verb.READ, "stdin", "").note("tee copies its input to the terminal").build());
        }
        return ops;
    }

    /** The replacement of each {@code s} command ({@code s/old/new/}, any delimiter): what the edit writes. */
    private static final java.util.regex.Pattern SED_REPLACEMENTS = java.util.regex.Pattern.compile("\\bs([/|#,:@])((?:(?!\\1).)*)\\1((?:(?!\\1).)*)\\1");

    /** {@code sed -i} edits its files; without {@code -i} it only reads them (secret files are still credentials). */
    private static List<Operation> sed(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-e", "-f", "--expression", "--file", "-l", "--line-length"));
        boolean inPlace = p.flags().keySet().stream().anyMatch(f -> f.equals("-i") || f.startsWith("--in-place")
                || f.startsWith("-i") && !f.startsWith("--"));
        List<Arg> files = new ArrayList<>(p.positionals().stream().filter(a -> !a.value().isEmpty()).toList());
        files.addAll(p.afterDoubleDash());
        String script = String.join("\n", java.util.stream.Stream.of("-e", "--expression")
                .flatMap(f -> p.flags().getOrDefault(f, List.of()).stream()).toList());
        if (!p.has("-e", "-f", "--expression", "--file") && !files.isEmpty()) {
            script = files.removeFirst().value();
        }
        if (!inPlace) {
            return CredentialRecognizer.reads(inv, files, inv.program());
        }
        List<Operation> ops = new ArrayList<>();
        String written = SED_REPLACEMENTS.matcher(script).results().map(m -> m.group(3)).reduce((a, b) -> a + "\n" + b).orElse(script);
        for (Arg file : files) {
            ops.add(write(inv, file.value(), "edits"));
            // sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config: what the edit writes switches the control off
            String resolved = inv.workspace().resolve(file.value());
            ControlFiles.disabled(resolved, written).ifPresent(control -> ops.add(LocalFiles.local(inv,
                    ControlFiles.operation(resolved, control).evidence(inv.evidence()), "this machine's settings").build()));
        }
        return ops.isEmpty() ? CredentialRecognizer.reads(inv, files, inv.program()) : ops;
    }

    private static String firstWord(Invocation inv) {
        List<String> words = inv.parse(Set.of("--policy", "--inventory", "--server", "--token", "-p", "--format", "--reason")).words();
        return words.isEmpty() ? "" : words.getFirst();
    }

    /**
     * {@code interlock exec -- CMD}: exec decides CMD before it runs it, so the agent's hook judges CMD itself. A
     * Terraform or OpenTofu apply through exec is the checked path (plan to a file, decide that plan, apply exactly
     * it): nothing happens that the plan's own decision does not allow, so starting it is a read. Exec with the
     * agent's own policy or inventory, or with {@code --env}/{@code --yes} (which would let the agent choose the
     * environment or answer its own question), is judged as what it runs, or denied.
     */
    private static List<Operation> exec(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        int i = args.indexOf(args.stream().filter(a -> a.value().equals("exec")).findFirst().orElseThrow()) + 1;
        boolean claims = false;
        boolean ownRules = false;
        for (; i < args.size(); i++) {
            String a = args.get(i).value();
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-")) {
                break;
            }
            ownRules |= name.equals("--policy") || name.equals("--inventory");
            claims |= name.equals("--env") || name.equals("--yes");
            if (EXEC_VALUED.contains(name) && !a.contains("=")) {
                i++;
            }
        }
        if (ownRules) {
            return List.of(Operation.builder("interlock", Verb.UPDATE).resource("command", "exec").evidence(inv.evidence())
                    .reversible(false).note("interlock exec with a policy or inventory of the agent's choosing decides by rules the agent wrote")
                    .build());
        }
        List<Arg> command = i < args.size() ? args.subList(i, args.size()) : List.of();
        if (command.isEmpty()) {
            return List.of(cli(inv));
        }
        if (!claims && checkedApply(command)) {
            return List.of(Operation.builder("terraform", Verb.READ).resource("workspace", "").locator("apply", "checked")
                    .evidence(inv.evidence())
                    .note("interlock exec plans it, decides that saved plan (holding it for approval where the policy says) and applies exactly it")
                    .build());
        }
        return nested.shell(String.join(" ", command.stream().map(Arg::shellText).toList()), inv);
    }

    /** {@code terraform|tofu [-chdir=…] apply …} with literal words (what exec's checked apply takes apart). */
    private static boolean checkedApply(List<Arg> command) {
        String program = command.getFirst().value();
        program = program.substring(program.lastIndexOf('/') + 1);
        if (!command.stream().allMatch(Arg::literal) || !program.equals("terraform") && !program.equals("tofu")) {
            return false;
        }
        int j = 1;
        while (j < command.size() && command.get(j).value().startsWith("-")) {
            j++;
        }
        return j < command.size() && command.get(j).value().equals("apply");
    }

    /** The interlock CLI: approving, minting tokens, changing policy or hooks are for humans; checks and tests are reads. */
    private static Operation cli(Invocation inv) {
        List<String> words = inv.parse(Set.of("--policy", "--inventory", "--server", "--token", "-p", "--format", "--reason")).words();
        Verb verb;
        String subject;
        if (words.isEmpty()) {
            verb = Verb.READ;
            subject = "";
        } else if (words.size() > 1 && CLI.containsKey(words.get(0) + " " + words.get(1))) {
            subject = words.get(0) + " " + words.get(1);
            verb = CLI.get(subject);
        } else {
            subject = words.getFirst();
            verb = CLI.getOrDefault(subject, words.contains("--help") ? Verb.READ : Verb.UPDATE);
        }
        if (inv.words().contains("--help") || inv.words().contains("-h")) {
            verb = Verb.READ;
        }
        Operation.Builder b = Operation.builder("interlock", verb).resource("command", subject).evidence(inv.evidence());
        if (verb != Verb.READ) {
            b.reversible(false).note("interlock " + subject + " is for humans; agents may not approve, mint tokens or change policy");
        }
        return b.build();
    }
}
