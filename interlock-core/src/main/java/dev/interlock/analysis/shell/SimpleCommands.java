package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.analysis.shell.recognizers.packages.ProjectDatabases;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.syntax.Assignment;
import dev.interlock.analysis.shell.syntax.Braces;
import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Redirect;
import dev.interlock.analysis.shell.syntax.Word;
import dev.interlock.environment.EnvironmentVariables;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A simple command: its substitutions and redirections, its assignments, then the program run — unwrapped through
 * wrappers ({@link Unwrapper}) down to the program whose recognizer says what it does.
 */
final class SimpleCommands {

    static final int MAX_UNWRAPS = 16;

    /** One program run being resolved: its words, environment, input, evidence and where it runs. */
    record Run(List<Arg> words, Map<String, String> env, Stdin stdin, Evidence evidence, Map<String, String> locators,
               int unwraps) {
        Run inner(List<Arg> innerWords) {
            return new Run(innerWords, env, stdin, evidence, locators, unwraps + 1);
        }

        Run withEnv(Map<String, String> extra) {
            Map<String, String> merged = new HashMap<>(env);
            merged.putAll(extra);
            return new Run(words, merged, stdin, evidence, locators, unwraps);
        }

        Run withLocators(Map<String, String> extra) {
            Map<String, String> merged = new HashMap<>(locators);
            merged.putAll(extra);
            return new Run(words, env, stdin, evidence, merged, unwraps);
        }

        Run withStdin(Stdin in) {
            return new Run(words, env, in, evidence, locators, unwraps);
        }
    }

    final ShellWalk walk;

    SimpleCommands(ShellWalk walk) {
        this.walk = walk;
    }

    void run(Command.Simple s, Stdin piped) {
        int before = walk.operations.size();
        s.assignments().forEach(a -> walk.substitutions(a.value()));
        s.words().forEach(walk::substitutions);
        List<Operation> substituted = List.copyOf(walk.operations.subList(Math.min(before, walk.operations.size()), walk.operations.size()));
        int redirected = walk.operations.size();
        walk.redirects(s.redirects());
        int afterRedirects = walk.operations.size();
        Map<String, String> prefix = new HashMap<>();
        Map<String, Optional<String>> assigned = new java.util.LinkedHashMap<>();
        String unresolvedKubeconfig = null;
        for (Assignment a : s.assignments()) {
            // an array is followed only where it stands alone (cmd=(kubectl get pods); "${cmd[@]}")
            Optional<String> value = a.elements().isEmpty() ? walk.value(a.value())
                    : s.words().isEmpty() ? walk.arrays.assign(a, walk) : Optional.empty();
            if (a.elements().isEmpty() && s.words().isEmpty()) {
                walk.arrays.forget(a.name());
            }
            value.ifPresent(v -> prefix.put(a.name(), v));
            assigned.put(a.name(), value);
            if (value.isEmpty() && a.name().equals("KUBECONFIG") && a.elements().isEmpty()) {
                // KUBECONFIG=$HOME/.kube/prod-eu.yaml: the file's own name says where kubectl and helm land, whatever
                // its directory expands to (as --kubeconfig $HOME/… does); it only steers, it is no variable's value
                unresolvedKubeconfig = a.value().raw();
            }
        }
        Optional<String> program = s.words().isEmpty() ? Optional.empty() : walk.value(s.words().getFirst());
        ExecutionRoutes.variables(assigned, walk.evidence(s.span()), walk.locators, walk, program);
        if (program.filter(p -> LocalFiles.basename(p).equals("interlock")).isPresent()
                && s.words().stream().skip(1).map(w -> walk.value(w).orElse("")).anyMatch("exec"::equals)) {
            // INTERLOCK_POLICY=/dev/null interlock exec -- …: exec would decide, then run, by settings the agent chose,
            // as with exec --policy
            assigned.keySet().forEach(name -> SelfProtection.setting(name, walk.evidence(s.span()), walk.locators).ifPresent(walk::add));
        }
        if (s.words().isEmpty()) {
            // NAME=value alone stays in force for the rest of the line (and is what `export` would pass on).
            assigned.keySet().forEach(name -> SelfProtection.setting(name, walk.evidence(s.span()), walk.locators).ifPresent(walk::add));
            // x=$(cmd) with output unknown here: whatever x held before is gone
            assigned.forEach((name, value) -> {
                if (value.isEmpty()) {
                    walk.variables.remove(name);
                }
            });
            RowVariables.assigned(assigned.keySet(), substituted, before, walk);
            walk.patterns.removeAll(assigned.keySet());
            walk.variables.putAll(prefix);
            walk.env.putAll(prefix);
            return;
        }
        assigned.keySet().forEach(name -> SelfProtection.agentSetting(name, walk.evidence(s.span()), walk.locators).ifPresent(walk::add));
        Stdin stdin = Stdin.own(s, walk).orElse(piped);
        StagedScripts.remember(s, stdin, walk);
        rememberProgramCopy(s);
        List<Arg> words = new ArrayList<>(s.words().size());
        s.words().forEach(w -> words.addAll(expanded(w)));
        Map<String, String> env = new HashMap<>(walk.env);
        env.putAll(prefix);
        if (unresolvedKubeconfig != null) {
            env.put("KUBECONFIG", unresolvedKubeconfig);
        }
        int dispatched = walk.operations.size();
        dispatch(new Run(words, env, stdin, walk.evidence(s.span()), walk.locators, 0));
        RowsToFile.target(s, walk).ifPresent(file -> RowsToFile.mark(walk.operations, dispatched, file));
        SealedOutputs.redirections(walk.operations, redirected, afterRedirects,
                walk.operations.subList(Math.min(dispatched, walk.operations.size()), walk.operations.size()));
        ControlWrites.check(walk, redirected);
        if (!substituted.isEmpty()) {
            // curl -d "$(cat ~/.aws/credentials)" https://…: a secret read for an argument of a network command leaves with it.
            Flows.carried(s, substituted, walk).filter(c -> c.type().equals("credentials")).ifPresent(cargo ->
                    Flows.networkCommand(words).ifPresent(host -> walk.add(dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer.exfiltration(cargo.type(), cargo.what(), host, walk.evidence(s.span()), walk.locators))));
        }
        walk.arrays.filled(words);
        walk.secretOutputs.published(words, dispatched, walk.evidence(s.span()), walk);
        walk.secretOutputs.written(s, List.copyOf(walk.operations.subList(Math.min(dispatched, walk.operations.size()), walk.operations.size())), walk);
        walk.freshClones.rewritten(walk.operations, dispatched, walk.workspace);
        walk.freshClones.observe(words, walk);
        walk.carried.observe(words, walk);
        walk.newVolumes.formatted(walk.operations, dispatched);
        walk.newVolumes.observe(words, List.copyOf(walk.operations.subList(Math.min(dispatched, walk.operations.size()), walk.operations.size())), walk);
        if (!words.isEmpty() && words.getFirst().literal() && words.getFirst().value().equals("alias")) {
            for (Arg a : words.subList(1, words.size())) {
                int eq = a.value().indexOf('=');
                if (a.literal() && eq > 0) {
                    walk.aliases.put(a.value().substring(0, eq), a.value().substring(eq + 1));
                }
            }
        }
        if (!words.isEmpty() && words.getFirst().literal() && words.getFirst().value().equals("unset")) {
            // unset INTERLOCK_URL: the next interlock this shell starts decides without its server, like export of another
            words.subList(1, words.size()).forEach(a -> SelfProtection.setting(a.value(), walk.evidence(s.span()), walk.locators)
                    .ifPresent(walk::add));
        }
        if (!words.isEmpty() && words.getFirst().literal() && List.of("export", "declare", "typeset", "local", "readonly")
                .contains(words.getFirst().value())) {
            Map<String, Optional<String>> exported = new java.util.LinkedHashMap<>();
            for (Arg a : words.subList(1, words.size())) {
                int eq = a.value().indexOf('=');
                if (eq > 0) {
                    exported.put(a.value().substring(0, eq), a.literal() ? Optional.of(a.value().substring(eq + 1)) : Optional.empty());
                    SelfProtection.setting(a.value().substring(0, eq), walk.evidence(s.span()), walk.locators).ifPresent(walk::add);
                }
                if (!a.literal() && eq > 0 && a.value().substring(0, eq).equals("KUBECONFIG")) {
                    // export KUBECONFIG=$HOME/.kube/prod-eu.yaml: the file's name steers later kubectl and helm, as the
                    // prefix form does; a dropped value would leave them on whatever was set before
                    walk.env.put("KUBECONFIG", a.value().substring(eq + 1));
                }
                if (a.literal() && eq > 0) {
                    walk.variables.put(a.value().substring(0, eq), a.value().substring(eq + 1));
                    walk.patterns.remove(a.value().substring(0, eq));
                    walk.env.put(a.value().substring(0, eq), a.value().substring(eq + 1));
                }
            }
            ExecutionRoutes.variables(exported, walk.evidence(s.span()), walk.locators, walk);
        }
    }

    /** A word after brace expansion: {@code {rm,-rf,/srv}} runs {@code rm}; one too large to expand stays dynamic. */
    private List<Arg> expanded(Word w) {
        Optional<List<Arg>> parameters = walk.functions.all(w);
        if (parameters.isPresent()) {
            return parameters.get(); // "$@" in a function called with known words
        }
        Arg arg = walk.arg(w);
        Optional<List<String>> elements = walk.arrays.words(w);
        if (elements.isPresent()) {
            return elements.get().stream().map(e -> new Arg(e, true, false, arg.evidence())).toList(); // "${cmd[@]}"
        }
        Optional<List<String>> braces = Braces.expand(w);
        if (braces.isEmpty()) {
            return List.of(arg);
        }
        if (braces.get().contains(null)) {
            return List.of(new Arg(w.raw(), false, arg.glob(), arg.evidence()));
        }
        List<Arg> out = new ArrayList<>(braces.get().size());
        braces.get().forEach(v -> out.add(new Arg(v, true, arg.glob(), arg.evidence())));
        return out;
    }

    private static final java.util.Set<String> COPIERS = java.util.Set.of("cp", "ln", "install", "mv", "rsync");

    /**
     * {@code cp /bin/rm /tmp/x; /tmp/x -rf ~}: a program copied, moved or linked under another name is still that
     * program when the new name runs later in the line.
     */
    private void rememberProgramCopy(Command.Simple s) {
        if (s.words().size() < 3) {
            return;
        }
        // the program first: this runs for every command, and only a copier can name a program anew
        Optional<String> first = walk.value(s.words().getFirst());
        if (first.isEmpty() || !COPIERS.contains(first.get().substring(first.get().lastIndexOf('/') + 1))) {
            return;
        }
        List<String> words = new ArrayList<>();
        for (Word w : s.words()) {
            Optional<String> v = walk.value(w);
            if (v.isEmpty()) {
                return;
            }
            if (!v.get().startsWith("-")) {
                words.add(v.get());
            }
        }
        if (words.size() != 3 || !COPIERS.contains(words.getFirst().substring(words.getFirst().lastIndexOf('/') + 1))) {
            return;
        }
        String source = words.get(1);
        String program = source.substring(source.lastIndexOf('/') + 1);
        boolean binary = source.contains("/bin/") || source.contains("/sbin/") || source.startsWith("/bin")
                || source.startsWith("/sbin") || walk.programCopies.containsKey(walk.workspace.resolve(source))
                || walk.analyzer.hasRecognizer(program) && program.indexOf('.') < 0; // a downloaded aws, kubectl, terraform
        if (!binary || program.isEmpty()) {
            return;
        }
        program = walk.programCopies.getOrDefault(walk.workspace.resolve(source), program);
        String target = walk.workspace.resolve(words.get(2));
        walk.programCopies.put(target, program);
        walk.programCopies.put(target + (target.endsWith("/") ? "" : "/") + source.substring(source.lastIndexOf('/') + 1), program);
    }

    /** Resolves the program of a run and analyzes it. */
    void dispatch(Run run) {
        if (run.words().isEmpty()) {
            return;
        }
        if (run.unwraps() > MAX_UNWRAPS) {
            walk.add(Opaque.operation("more than " + MAX_UNWRAPS + " nested wrappers", run.evidence(), run.locators()));
            return;
        }
        Arg head = run.words().getFirst();
        if (!head.literal()) {
            walk.add(Opaque.operation("the program to run comes from " + head.value() + ", which is only known at run time",
                    run.evidence(), run.locators()));
            return;
        }
        String path = head.value();
        if (path.isBlank()) {
            return;
        }
        if (head.glob() && Regex.matches(path, ".*(?:[*?]|\\[.*\\]).*")) {
            walk.add(Opaque.operation("the program name " + path + " is a pattern the shell expands at run time", run.evidence(),
                    run.locators()));
            return;
        }
        String separators = separators();
        boolean blank = false;
        for (int i = 0; i < path.length() && !blank; i++) {
            blank = Character.isWhitespace(path.charAt(i)) || separators.indexOf(path.charAt(i)) >= 0;
        }
        String[] split = blank ? fields(path, separators) : new String[] {path};
        if (split.length > 1 || blank) {
            // A variable or substitution that held several words: the shell splits them.
            List<Arg> words = new ArrayList<>();
            for (String w : split) {
                words.add(new Arg(w, true, false, head.evidence()));
            }
            words.addAll(run.words().subList(1, run.words().size()));
            dispatch(run.inner(words));
            return;
        }
        if (path.contains("/")) {
            String script = walk.text(path).orElse(null);
            if (script != null) {
                walk.nested(script, run.evidence(), run.locators());
                return;
            }
            if (new ScriptRunners(this).hidden(path, path, run)) {
                return;
            }
        }
        String alias = path.contains("/") ? null : walk.aliases.get(path);
        if (alias != null && run.unwraps() < MAX_UNWRAPS) {
            // alias x='rm -rf'; x /srv: the alias's words replace the command's first word
            List<Arg> words = new ArrayList<>();
            for (String w : fields(alias, "")) {
                words.add(new Arg(w, true, false, head.evidence()));
            }
            words.addAll(run.words().subList(1, run.words().size()));
            walk.aliases.remove(path);
            dispatch(run.inner(words));
            walk.aliases.put(path, alias);
            return;
        }
        if (!path.contains("/")) {
            // a function of this line runs instead of a program of that name (k(){ kubectl … "$@"; }; k get pods)
            List<Arg> callArgs = run.words().subList(1, run.words().size());
            if (walk.functions.call(path, callArgs, run) || path.equals("shift") && walk.functions.shift(callArgs)) {
                return;
            }
        }
        String copied = path.contains("/") ? walk.programCopies.get(walk.workspace.resolve(path)) : null;
        String program = copied != null ? copied : path.substring(path.lastIndexOf('/') + 1);
        // C:\Windows\System32\inetsrv\appcmd.exe: a Windows path names its program after the last backslash
        program = program.substring(program.lastIndexOf('\\') + 1);
        List<Arg> args = run.words().subList(1, run.words().size());
        if (new ExecutionRoutes(this).route(program, args, run) || new Unwrapper(this).unwrap(program, args, run)) {
            return;
        }
        recognize(program, args, run);
    }

    /** Characters besides white space that split an expansion: those of an {@code IFS} set earlier in the line. */
    private String separators() {
        StringBuilder out = new StringBuilder();
        for (char c : walk.variables.getOrDefault("IFS", "").toCharArray()) {
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String[] fields(String text, String separators) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isWhitespace(c) || separators.indexOf(c) >= 0) {
                if (!field.isEmpty()) {
                    out.add(field.toString());
                    field.setLength(0);
                }
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty()) {
            out.add(field.toString());
        }
        return out.toArray(String[]::new);
    }

    /** Hands a resolved program run to its recognizer and completes the operations it returns. */
    List<Operation> recognize(String program, List<Arg> args, Run run) {
        Optional<StagedManifests.Staged> staged = StagedManifests.of(program, args, run.stdin().text(), walk);
        Invocation inv = new Invocation(program, staged.map(StagedManifests.Staged::args).orElse(args), run.env(), walk.workspace,
                run.evidence(), staged.map(StagedManifests.Staged::text).or(() -> run.stdin().text()), run.locators());
        List<Operation> ops;
        try {
            ops = SecurityControls.mark(inv, walk.analyzer.recognizerFor(program).recognize(inv, new WalkNested(walk)));
            ops = ProjectDatabases.place(inv, ops);
        } catch (RuntimeException e) {
            ops = List.of(Opaque.operation("the " + program + " recognizer failed (" + e + ")", run.evidence(), run.locators()));
        }
        List<Operation> done = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            Operation completed = complete(fromStdinSource(op, run.stdin()), inv);
            walk.add(completed);
            done.add(completed);
        }
        return done;
    }

    /** {@code kustomize build overlays/prod | kubectl delete -f -}: what was read as "-" comes from the producer's directory. */
    private static Operation fromStdinSource(Operation op, Stdin stdin) {
        if (stdin.source().isEmpty() || !op.resource().name().equals("-") || !op.resource().locator("directory").isEmpty()) {
            return op;
        }
        return op.toBuilder().locator("directory", stdin.source().get()).build();
    }

    /** Clients of clouds, clusters, forges and hosted platforms: where they run says nothing of what they act on. */
    private static final Set<String> REMOTE_API_SYSTEMS = Set.of("aws", "gcp", "azure", "kubernetes", "helm", "terraform",
            "pulumi", "eksctl", "argocd", "github", "gitlab", "heroku", "doctl", "oci", "vercel", "fly", "wrangler",
            "cloudflare", "firebase", "databricks", "neonctl", "linode-cli", "hcloud", "ibmcloud", "openstack", "netlify",
            "railway", "render", "fastly", "registry",
            // a self-hosted forge's admin CLI in its container: the team's forge, not a sandbox of this machine
            "gitea", "gogs", "gerrit", "aliyun", "scw");
    /** The locator of an operation on a self-hosted forge's own store under another system ({@code gitlab-psql}'s SQL). */
    private static final String FORGE = "forge";

    private Operation complete(Operation op, Invocation inv) {
        Operation.Builder b = op.toBuilder();
        walk.carried.locators(op, inv.program()).forEach((k, v) -> {
            if (op.resource().locator(k).isEmpty()) {
                b.locator(k, v);
            }
        });
        if (op.evidence().text().isEmpty()) {
            b.evidence(inv.evidence());
        }
        EnvironmentVariables.locators(op.system(), inv.env()).forEach((k, v) -> {
            if (op.resource().locator(k).isEmpty()) {
                b.locator(k, v);
            }
        });
        if (inv.remote()) {
            inv.locators().forEach((k, v) -> {
                // ssh edge-prod-01 'curl http://127.0.0.1:9901/…': the remote machine's loopback is the remote machine
                boolean remoteLoopback = k.equals("host") && dev.interlock.environment.Hosts.loopback(op.resource().locator(k));
                if (k.equals("host") && dev.interlock.environment.Hosts.loopback(v)
                        && (REMOTE_API_SYSTEMS.contains(op.system()) || !op.resource().locator(FORGE).isEmpty())) {
                    // docker exec tools kubectl delete ns x: a container on this machine, a cluster that is not;
                    // docker exec gitlab gitlab-psql -c …: the team's forge's database, not a sandbox of this machine
                    return;
                }
                if (op.resource().locator(k).isEmpty() || remoteLoopback) {
                    b.locator(k, v);
                }
            });
            // local there is not local here, except an emulator in a container on this machine's daemon (LocalStack)
            boolean emulatorHere = !op.resource().locator("emulator").isEmpty() && inv.inLocalContainer();
            if (op.environment() == Tier.LOCAL && !emulatorHere) {
                b.environment(Tier.UNKNOWN, "");
            }
            // the command runs on another host, in a pod or a container: a "localhost" there is where it runs, not a
            // server it names (ssh localhost fastlane match nuke talks to Apple), so policy can tell the two apart
            b.locator("runs-in", inv.locators().containsKey("pod") ? "pod" : inv.locators().containsKey("container") ? "container" : "host");
        }
        Operation built = b.build();
        return dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection.guard(walk.carried.tunnels.through(built).orElse(built));
    }
}
