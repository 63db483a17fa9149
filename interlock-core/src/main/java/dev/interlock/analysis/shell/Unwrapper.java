package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wrappers that run another command: {@code env}, {@code timeout}, {@code xargs}, {@code eval}, {@code trap},
 * {@code watch}, {@code npx}, {@code parallel}, … and, by family, privilege ({@link PrivilegeWrappers}), remote and
 * container execution ({@link RemoteWrappers}), secret injection ({@link SecretWrappers}) and shells and interpreters
 * ({@link ScriptRunners}). Each unwraps to the inner run, carrying environment assignments and remote locators along;
 * what cannot be unwrapped statically is opaque.
 */
final class Unwrapper {

    private static final java.util.Set<String> SHELLS = java.util.Set.of("sh", "bash", "dash", "zsh", "ksh", "ash", "mksh");

    private final SimpleCommands commands;
    private final ShellWalk walk;
    private final PrivilegeWrappers privilege;
    private final RemoteWrappers remote;
    private final SecretWrappers secrets;
    private final ScriptRunners scripts;

    Unwrapper(SimpleCommands commands) {
        this.commands = commands;
        this.walk = commands.walk;
        this.privilege = new PrivilegeWrappers(commands);
        this.remote = new RemoteWrappers(commands);
        this.secrets = new SecretWrappers(commands);
        this.scripts = new ScriptRunners(commands);
    }

    /** True when {@code program} was a wrapper and its inner command has been analyzed. */
    boolean unwrap(String program, List<Arg> args, SimpleCommands.Run run) {
        if (program.equals("command") && !args.isEmpty() && (args.getFirst().value().equals("-v") || args.getFirst().value().equals("-V"))) {
            return true;
        }
        Wrappers.Shape shape = Wrappers.SIMPLE.get(program);
        if (shape != null) {
            List<Arg> inner = afterOptions(args, shape.valued(), shape.leadingOperands());
            if (inner.isEmpty() && walk.analyzer.claims(program)) {
                return false; // strace -p PID runs nothing: it attaches, and its recognizer judges what it shows
            }
            commands.dispatch(run.inner(packageBinary(inner)));
            return true;
        }
        Set<String> runnerVerbs = Wrappers.RUNNERS.get(program);
        if (runnerVerbs != null && !args.isEmpty() && runnerVerbs.contains(args.getFirst().value())) {
            List<Arg> rest = args.subList(1, args.size());
            int dash = indexOf(rest, "--");
            List<Arg> inner = Wrappers.DASHED_RUNNERS.contains(program) && dash >= 0 ? rest.subList(dash + 1, rest.size())
                    : afterOptions(rest, Set.of("-p", "--package", "-c", "--call", "--from", "--with", "--node", "--npm",
                    "--yarn", "--using"), Wrappers.VERSIONED_RUNNERS.contains(program) ? 1 : 0);
            if (inner.isEmpty()) {
                return false;
            }
            commands.dispatch(run.inner(packageBinary(inner)));
            return true;
        }
        return switch (program) {
            case "sudo", "doas", "run0", "pkexec" -> privilege.privileged(program, args, run);
            case "su" -> privilege.su(args, run);
            case "systemd-run" -> privilege.systemdRun(args, run);
            case "env" -> env(args, run);
            case "xargs" -> xargs(args, run);
            case "find" -> FindCommands.find(args, run, commands);
            case "eval" -> eval(args, run);
            case "trap" -> trap(args, run);
            case "watch" -> watch(args, run);
            case "ssh" -> remote.ssh(args, run);
            case "tsh" -> remote.tsh(args, run);
            case "boundary" -> remote.boundaryConnect(args, run);
            case "kubectl", "oc" -> remote.podExec(program, args, run);
            case "docker", "podman", "nerdctl", "docker-compose", "podman-compose" -> remote.containerExec(program, args, run);
            case "aws-vault" -> secrets.awsVault(args, run);
            case "sops" -> secrets.sopsExecEnv(args, run);
            case "with-contenv", "direnv", "parallel" -> afterDoubleDash(program, args, run);
            case "nix", "nix-shell" -> nixShell(program, args, run);
            case "source", "." -> scripts.source(program, args, run);
            case "rimraf", "del-cli" -> alias("rm", List.of("-rf"), args, run);
            default -> SecretInjectors.TABLE.containsKey(program) ? secrets.injected(SecretInjectors.TABLE.get(program), args, run)
                    : Wrappers.SHELLS.contains(program) ? scripts.shell(program, args, run) : scripts.interpreterModule(program, args, run);
        };
    }

    /** The inner command with a package name in first place replaced by the program it provides ({@link Wrappers#packageBinary}). */
    private static List<Arg> packageBinary(List<Arg> inner) {
        if (inner.isEmpty()) {
            return inner;
        }
        Arg first = inner.getFirst();
        String program = Wrappers.packageBinary(first.value());
        if (program.equals(first.value())) {
            return inner;
        }
        List<Arg> renamed = new ArrayList<>(inner);
        renamed.set(0, new Arg(program, first.literal(), first.glob(), first.evidence()));
        return renamed;
    }

    /**
     * {@code trap 'rm -rf ~' EXIT}: the action runs later in this shell, on the signal, so it is analyzed like the
     * line itself; {@code trap -l}, {@code trap -p} and a reset ({@code trap - INT}) run nothing.
     */
    private boolean trap(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> rest = !args.isEmpty() && args.getFirst().value().equals("--") ? args.subList(1, args.size()) : args;
        if (rest.size() < 2 || rest.getFirst().value().startsWith("-")) {
            return true; // listing, printing or resetting traps runs nothing
        }
        Arg action = rest.getFirst();
        if (action.value().isEmpty()) {
            return true;
        }
        if (action.literal()) {
            ShellHooks.trap(action.value(), rest.subList(1, rest.size()).stream().map(Arg::value).toList(), run.evidence(),
                    run.locators()).ifPresent(walk::add);
            walk.nested(action.value(), run.evidence(), run.locators());
        } else {
            walk.add(Opaque.operation("trap runs text only known at run time (" + action.value() + ")", run.evidence(), run.locators()));
        }
        return true;
    }

    /** The words after leading options (and {@code skip} operands such as timeout's duration). */
    static List<Arg> afterOptions(List<Arg> args, Set<String> valued, int skip) {
        int i = 0;
        while (i < args.size()) {
            String w = args.get(i).value();
            if (w.equals("--")) {
                i++;
                break;
            }
            if (!w.startsWith("-") || w.equals("-")) {
                break;
            }
            i += valued.contains(w) ? 2 : 1;
        }
        i += skip;
        return i >= args.size() ? List.of() : args.subList(i, args.size());
    }

    private boolean env(List<Arg> args, SimpleCommands.Run run) {
        Map<String, String> assigned = new HashMap<>();
        List<Arg> rest = new ArrayList<>();
        int i = 0;
        for (; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("--")) {
                i++;
                break;
            }
            if (w.equals("-u") || w.equals("-C") || w.equals("--unset") || w.equals("--chdir")) {
                i++;
            } else if (w.equals("-S") || w.equals("--split-string") || w.startsWith("--split-string=") || (w.startsWith("-S") && w.length() > 2)) {
                String text = w.startsWith("--split-string=") ? w.substring(15) : w.length() > 2 && w.startsWith("-S") ? w.substring(2)
                        : i + 1 < args.size() ? args.get(++i).value() : "";
                for (String part : Regex.split(text.trim(), "\\s+")) {
                    if (!part.isEmpty()) {
                        rest.add(new Arg(part, args.get(i).literal(), false, args.get(i).evidence()));
                    }
                }
            } else if (!w.startsWith("-")) {
                break;
            }
        }
        for (; i < args.size(); i++) {
            Arg a = args.get(i);
            int eq = a.value().indexOf('=');
            if (rest.isEmpty() && eq > 0 && Regex.matches(a.value().substring(0, eq), "[A-Za-z_][A-Za-z0-9_]*")) {
                assigned.put(a.value().substring(0, eq), a.value().substring(eq + 1));
            } else {
                rest.addAll(args.subList(i, args.size()));
                break;
            }
        }
        Map<String, Optional<String>> executed = new HashMap<>();
        assigned.forEach((k, v) -> executed.put(k, Optional.of(v)));
        ExecutionRoutes.variables(executed, run.evidence(), run.locators(), walk,
                rest.isEmpty() || !rest.getFirst().literal() ? Optional.empty() : Optional.of(rest.getFirst().value()));
        if (rest.isEmpty()) {
            commands.recognize("env", List.of(), run);
            return true;
        }
        commands.dispatch(run.inner(rest).withEnv(assigned));
        return true;
    }

    private boolean xargs(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> inner = new ArrayList<>(afterOptions(args, Wrappers.XARGS_VALUED, 0));
        ParsedArgs opts = ParsedArgs.parse(args.subList(0, args.size() - inner.size()), Wrappers.XARGS_VALUED);
        if (inner.isEmpty()) {
            inner.add(Arg.of("echo"));
        }
        Optional<String> replace = opts.value("-I", "--replace", "-i");
        List<Arg> items = new ArrayList<>();
        if (run.stdin().text().isPresent()) {
            for (String item : Regex.split(run.stdin().text().get().trim(), "\\s+")) {
                if (!item.isEmpty()) {
                    items.add(new Arg(item, true, false, run.evidence()));
                }
            }
        } else if (!run.stdin().found().isEmpty()) {
            // find . -name '*.pyc' -print0 | xargs rm -f: the items are the files find matched, as -exec's {} would be;
            // a name with a wildcard stands for many files
            for (String path : run.stdin().found()) {
                // DIR/{} (grep -rl x DIR): which files is known only at run time; an editor still edits under DIR
                // $(pgrep -f x): process ids known only at run time
                boolean literal = !path.endsWith("/{}") && !path.startsWith("$(");
                items.add(new Arg(path, literal, Regex.matches(path, ".*[*?\\[].*"), run.evidence()));
            }
        } else {
            items.add(new Arg("<items read from stdin>", false, true, run.evidence()));
        }
        List<Arg> full = new ArrayList<>();
        if (replace.isPresent()) {
            String placeholder = items.size() == 1 ? items.getFirst().value() : "<items read from stdin>";
            boolean literal = items.size() == 1 && items.getFirst().literal();
            for (int k = 0; k < inner.size(); k++) {
                Arg a = inner.get(k);
                if (!a.value().contains(replace.get())) {
                    full.add(a);
                } else if (!literal && a.literal() && k > 0 && Wrappers.isCommandFlag(inner.get(k - 1).value())
                        && SHELLS.contains(inner.getFirst().value().substring(inner.getFirst().value().lastIndexOf('/') + 1))) {
                    // xargs -I{} sh -c 'cd services/{} && go test': the script is known, only the item is not; it stays
                    // an unknown word where it stands (a program word made of it is still opaque)
                    full.add(new Arg(a.value().replace(replace.get(), "${XARGS_ITEM}"), true, false, a.evidence()));
                } else if (!literal && a.literal() && k > 0 && INLINE_CODE_FLAGS.contains(inner.get(k - 1).value())
                        && Regex.matches(inner.getFirst().value().substring(inner.getFirst().value().lastIndexOf('/') + 1), INTERPRETERS)
                        && onlyInStrings(a.value(), replace.get())) {
                    // xargs -I{} python3 -c "…list_topics(topic='{}')…": the code is known, the item is only data in its strings
                    full.add(new Arg(a.value().replace(replace.get(), "${XARGS_ITEM}"), true, false, a.evidence()));
                } else {
                    full.add(new Arg(a.value().replace(replace.get(), placeholder), literal && a.literal(), a.glob() || !literal, a.evidence()));
                }
            }
        } else {
            full.addAll(inner);
            full.addAll(items);
        }
        commands.dispatch(run.inner(full).withStdin(Stdin.NONE));
        return true;
    }

    private static final Set<String> INLINE_CODE_FLAGS = Set.of("-c", "-e", "-r", "--eval");
    private static final String INTERPRETERS = "python[\\d.]*|pypy3?|node|nodejs|ruby|perl|php";

    /** Whether every {@code placeholder} in {@code code} lies inside a quoted string of the code, never in its syntax. */
    static boolean onlyInStrings(String code, String placeholder) {
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (quote != 0 && ch == '\\') {
                i++;
            } else if (quote == 0 && (ch == '\'' || ch == '"' || ch == '`')) {
                quote = ch;
            } else if (quote != 0 && ch == quote) {
                quote = 0;
            } else if (quote == 0 && code.startsWith(placeholder, i)) {
                return false;
            }
        }
        return true;
    }

    private boolean eval(List<Arg> args, SimpleCommands.Run run) {
        Optional<String> setup = args.size() == 1 ? walk.shellSetup(args.getFirst()) : Optional.empty();
        if (setup.isPresent()) {
            walk.add(ShellSetup.load(setup.get(), run));
        } else if (args.stream().allMatch(Arg::literal)) {
            walk.nested(String.join(" ", args.stream().map(Arg::value).toList()), run.evidence(), run.locators());
        } else {
            walk.add(Opaque.operation("eval of text only known at run time", run.evidence(), run.locators()));
        }
        return true;
    }

    private boolean watch(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> inner = afterOptions(args, Set.of("-n", "--interval", "-q", "--equexit"), 0);
        return eval(inner, run);
    }

    private boolean afterDoubleDash(String program, List<Arg> args, SimpleCommands.Run run) {
        if (program.equals("parallel")) {
            int sep = indexOf(args, ":::");
            List<Arg> inner = new ArrayList<>(afterOptions(sep < 0 ? args : args.subList(0, sep), Set.of("-j", "--jobs", "-S"), 0));
            if (inner.isEmpty()) {
                return false;
            }
            if (sep >= 0) {
                inner.addAll(args.subList(sep + 1, args.size()));
            } else {
                inner.add(new Arg("<items read from stdin>", false, true, run.evidence()));
            }
            commands.dispatch(run.inner(inner));
            return true;
        }
        int dash = indexOf(args, "--");
        if (program.equals("direnv") && args.size() > 2 && args.getFirst().value().equals("exec")) {
            commands.dispatch(run.inner(args.subList(2, args.size())));
            return true;
        }
        if (dash < 0 || !(program.equals("with-contenv") || (!args.isEmpty() && args.getFirst().value().equals("run")))) {
            return false;
        }
        commands.dispatch(run.inner(args.subList(dash + 1, args.size())));
        return true;
    }

    /**
     * A Nix development shell runs its command with the packages it names on {@code PATH}: {@code nix develop -c CMD …},
     * {@code nix shell nixpkgs#jq --command CMD …}, {@code nix-shell -p jq --run 'LINE'}. Without one it opens an
     * interactive shell (or does something else), which the Nix recognizer judges.
     */
    private boolean nixShell(String program, List<Arg> args, SimpleCommands.Run run) {
        if (program.equals("nix-shell")) {
            for (int i = 0; i + 1 < args.size(); i++) {
                String w = args.get(i).value();
                if (w.equals("--run") || w.equals("--command")) {
                    return eval(List.of(args.get(i + 1)), run);
                }
            }
            return false;
        }
        if (args.isEmpty() || !Set.of("develop", "shell").contains(args.getFirst().value())) {
            return false;
        }
        for (int i = 1; i + 1 < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("-c") || w.equals("--command")) {
                commands.dispatch(run.inner(args.subList(i + 1, args.size())));
                return true;
            }
        }
        return false;
    }

    /** npm's {@code rimraf} and friends are {@code rm -rf} under another name; their own flags are dropped. */
    private boolean alias(String program, List<String> flags, List<Arg> args, SimpleCommands.Run run) {
        List<Arg> words = new ArrayList<>();
        words.add(Arg.of(program));
        flags.forEach(f -> words.add(Arg.of(f)));
        args.stream().filter(a -> !a.value().startsWith("-")).forEach(words::add);
        commands.dispatch(run.inner(words));
        return true;
    }

    static int indexOf(List<Arg> args, String word) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).value().equals(word)) {
                return i;
            }
        }
        return -1;
    }

}
