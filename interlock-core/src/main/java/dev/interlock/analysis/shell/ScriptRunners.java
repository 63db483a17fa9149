package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.database.MigrationRecognizer;
import dev.interlock.analysis.shell.recognizers.network.FileServers;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shells and interpreters that run a script, a module or a tool's entry point: {@code bash script.sh},
 * {@code sh -c TEXT}, {@code source FILE}, {@code python -m MODULE}, {@code python manage.py}, {@code php artisan},
 * {@code java -jar TOOL.jar}, and code arriving on a pipe. Script text in view is analyzed; otherwise the run is
 * inferred or opaque.
 */
final class ScriptRunners {

    private final SimpleCommands commands;
    private final ShellWalk walk;

    ScriptRunners(SimpleCommands commands) {
        this.commands = commands;
        this.walk = commands.walk;
    }

    boolean source(String program, List<Arg> args, SimpleCommands.Run run) {
        if (args.isEmpty()) {
            return true;
        }
        Optional<String> setup = walk.shellSetup(args.getFirst());
        if (setup.isPresent()) {
            walk.add(ShellSetup.load(setup.get(), run));
            return true;
        }
        if (!args.getFirst().literal()) {
            Map<String, String> env = new java.util.HashMap<>(walk.env);
            env.putAll(run.env());
            Optional<String> init = ShellSetup.initScript(args.getFirst().value(), env);
            if (init.isPresent()) {
                walk.add(ShellSetup.loadScript(init.get(), run)); // source "$NVM_DIR/nvm.sh": nvm's own setup
                return true;
            }
            walk.add(Opaque.operation(program + " loads a script only known at run time (" + args.getFirst().value() + ")",
                    run.evidence(), run.locators()));
            return true;
        }
        if (STDIN.contains(args.getFirst().value())) {
            return fromStdin(program, run); // echo '…' | source /dev/stdin
        }
        String script = walk.text(args.getFirst().value()).orElse(null);
        if (script != null) {
            walk.nested(script, run.evidence(), run.locators());
            return true;
        }
        if (hidden(program, args.getFirst().value(), run)) {
            return true;
        }
        if (walk.analyzer.hasRecognizer("source")) {
            return false;
        }
        addScriptRun(args.getFirst(), args.subList(1, args.size()), run);
        return true;
    }

    boolean shell(String program, List<Arg> args, SimpleCommands.Run run) {
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (Wrappers.isCommandFlag(w) || w.equals("--command")) {
                Arg text = i + 1 < args.size() ? args.get(i + 1) : Arg.of("");
                if (text.literal()) {
                    walk.nestedChild(text.value(), run.evidence(), run.locators(), run.env());
                } else {
                    walk.add(Opaque.operation(program + " -c runs text only known at run time (" + text.value() + ")", run.evidence(), run.locators()));
                }
                return true;
            }
            if (w.equals("-o") || w.equals("+o") || w.equals("--rcfile") || w.equals("--init-file")) {
                i++;
                continue;
            }
            if (!w.startsWith("-") && !w.startsWith("+")) {
                if (!args.get(i).literal()) {
                    walk.add(Opaque.operation(program + " runs a script only known at run time (" + w + ")", run.evidence(), run.locators()));
                    return true;
                }
                if (STDIN.contains(w)) {
                    return fromStdin(program, run);
                }
                String script = walk.text(w).orElse(null);
                if (script != null) {
                    walk.nestedChild(script, run.evidence(), run.locators(), run.env());
                } else if (!hidden(program, w, run)) {
                    addScriptRun(args.get(i), args.subList(i + 1, args.size()), run);
                }
                return true;
            }
            if (w.equals("-s") || w.equals("-")) {
                break;
            }
        }
        return fromStdin(program, run);
    }

    /**
     * {@code curl -o x.sh URL && sh x.sh}, {@code echo "$P" | base64 -d > c.sh && sh c.sh}: a script this line wrote
     * from text it hides is opaque, as piping that text into the shell would be.
     */
    boolean hidden(String program, String path, SimpleCommands.Run run) {
        return walk.runsHidden(program, path, run.evidence(), run.locators());
    }

    /** Paths that name the shell's own standard input. */
    private static final java.util.Set<String> STDIN = java.util.Set.of("/dev/stdin", "/dev/fd/0", "/proc/self/fd/0");

    /** The shell reads its script from standard input: what the pipeline or here-document feeds it, or an interactive shell. */
    private boolean fromStdin(String program, SimpleCommands.Run run) {
        Stdin in = run.stdin();
        if (in.text().isPresent()) {
            if (program.equals("source") || program.equals(".")) {
                walk.nested(in.text().get(), run.evidence(), run.locators());
            } else {
                walk.nestedChild(in.text().get(), run.evidence(), run.locators(), run.env());
            }
        } else if (in.producer().isPresent()) {
            walk.add(Opaque.operation(program + " runs a script produced by " + in.producer().get() + " (decoded, downloaded or generated)",
                    run.evidence(), run.locators()));
            // echo cm0gLXJmIH4v | base64 -d | sh: still opaque, and also what the decoded text does when it can be read
            in.decoded().ifPresent(text -> walk.nestedChild(text, run.evidence(), run.locators(), run.env()));
        } else {
            Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("shell", program)
                    .confidence(Confidence.INFERRED).note("opens an interactive shell").evidence(run.evidence());
            run.locators().forEach(b::locator);
            if (run.locators().isEmpty()) {
                b.environment(Tier.LOCAL, "a shell on this machine");
            }
            walk.add(b.build());
        }
        return true;
    }

    /** The script's run, and the copy of production's data its name says it makes ({@code bash refresh-staging-from-prod.sh}). */
    private void addScriptRun(Arg script, List<Arg> operands, SimpleCommands.Run run) {
        walk.add(scriptRun(script, operands, run));
        dev.interlock.analysis.shell.recognizers.DataCopies.named("process", script.value())
                .or(() -> dev.interlock.analysis.shell.recognizers.DeploymentScripts.named("process", script.value()))
                .ifPresent(copy -> walk.add(copy.evidence(run.evidence()).build()));
    }

    /** Running a script file that this command line did not write: its contents are not visible here. */
    private Operation scriptRun(Arg script, List<Arg> operands, SimpleCommands.Run run) {
        if (run.locators().isEmpty()) {
            Optional<Operation> applied = dev.interlock.analysis.shell.recognizers.AppliedScripts.inProduction(script.value(), operands, run.env(), run.evidence());
            if (applied.isPresent()) {
                return applied.get();
            }
        }
        Workspace.Area area = walk.workspace.area(script.value());
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("script", script.value())
                .confidence(Confidence.INFERRED).scope(Scope.ONE).note("runs the script " + script.value() + " (its contents are not analyzed)")
                .evidence(run.evidence());
        run.locators().forEach(b::locator);
        Optional<String> named = dev.interlock.analysis.shell.recognizers.LocalFiles.namedEnvironment(run.env(), operands);
        named.ifPresent(e -> b.locator("environment", e));
        Optional<String> server = dev.interlock.analysis.shell.recognizers.LocalFiles.serverInEnv(run.env());
        server.ifPresent(h -> b.locator("host", h).note("runs the script " + script.value() + " (its contents are not analyzed) with "
                + h + " named as its server in its environment"));
        if (run.locators().isEmpty() && named.isEmpty() && server.isEmpty()
                && (area == Workspace.Area.WORKSPACE || area == Workspace.Area.TEMP || area == Workspace.Area.HOME)) {
            b.environment(Tier.LOCAL, "a script on this machine");
        }
        return b.build();
    }

    /**
     * A PHP application's console run by {@code php}, by the program it is judged as: {@code php artisan} → artisan,
     * {@code php bin/console doctrine:…} → Symfony's console, {@code php bin/magento}, {@code php wp-cli.phar},
     * {@code php vendor/bin/drush}.
     */
    private static Optional<String> phpConsole(String script) {
        return PHP_CONSOLES.entrySet().stream().filter(e -> script.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    /** Moodle's command-line scripts: {@code admin/cli/NAME.php}, a tool's {@code admin/tool/T/cli/NAME.php}. */
    private static final String MOODLE_SCRIPT = "(?:.*/)?admin/(?:tool/\\w+/)?cli/[\\w-]+\\.php";

    private static final Map<String, String> PHP_CONSOLES = Map.of("artisan", "artisan", "bin/console",
            MigrationRecognizer.SYMFONY_CONSOLE, "bin/magento", "magento", "wp-cli.phar", "wp", "bin/drush", "drush");

    /** {@code python -m twine upload} → twine; {@code python manage.py flush} → manage.py; {@code php artisan} → artisan. */
    boolean interpreterModule(String program, List<Arg> args, SimpleCommands.Run run) {
        if (readsCodeFromPipe(program, args, run)) {
            walk.add(Opaque.operation(program + " runs code produced by " + run.stdin().producer().get() + " (downloaded, decoded or generated)",
                    run.evidence(), run.locators()));
            return true;
        }
        Optional<String> console = program.startsWith("php") && !args.isEmpty() ? phpConsole(args.getFirst().value()) : Optional.empty();
        if (console.isPresent()) {
            List<Arg> inner = new ArrayList<>();
            inner.add(new Arg(console.get(), true, false, args.getFirst().evidence()));
            inner.addAll(args.subList(1, args.size()));
            commands.dispatch(run.inner(inner));
            return true;
        }
        if (program.startsWith("php") && !args.isEmpty() && Regex.matches(args.getFirst().value(), MOODLE_SCRIPT)) {
            // php admin/cli/purge_caches.php: Moodle's admin scripts, judged by the script's name (lms.LearningPlatforms)
            List<Arg> inner = new ArrayList<>();
            inner.add(new Arg(dev.interlock.analysis.shell.recognizers.lms.LearningPlatforms.MOODLE_SCRIPT, true, false,
                    args.getFirst().evidence()));
            inner.addAll(args);
            commands.dispatch(run.inner(inner));
            return true;
        }
        if (program.startsWith("php") && Wrappers.isInterpreter(program) && args.stream().anyMatch(a -> a.value().equals("-S"))) {
            // php -S ADDR [-t DIR]: PHP's built-in web server, judged like any file server by what it publishes
            List<Arg> inner = new ArrayList<>();
            inner.add(new Arg(FileServers.PHP_SERVER, true, false, args.getFirst().evidence()));
            inner.addAll(args);
            commands.dispatch(run.inner(inner));
            return true;
        }
        if (program.equals("java") && args.stream().anyMatch(a -> a.value().equals("-jar"))) {
            // java -jar jenkins-cli.jar -s URL delete-job x: the jar is the program, judged like any CLI by its words.
            int jar = args.stream().map(Arg::value).toList().indexOf("-jar");
            if (jar + 1 < args.size() && args.get(jar + 1).literal()) {
                String name = args.get(jar + 1).value();
                name = Regex.replaceFirst(name.substring(name.lastIndexOf('/') + 1), "(?:-\\d[\\w.-]*)?\\.jar$", "");
                List<Arg> inner = new ArrayList<>();
                inner.add(new Arg(name, true, false, args.get(jar + 1).evidence()));
                inner.addAll(args.subList(jar + 2, args.size()));
                commands.dispatch(run.inner(inner));
                return true;
            }
        }
        if (!program.startsWith("python") || args.isEmpty()) {
            return false;
        }
        String first = args.getFirst().value();
        if (first.equals("-m") && args.size() > 1) {
            List<Arg> inner = new ArrayList<>(args.subList(1, args.size()));
            String module = inner.getFirst().value();
            String cli = MODULE_CLIS.get(module);
            if (cli != null) {
                inner.set(0, new Arg(cli, true, false, inner.getFirst().evidence()));
            }
            commands.dispatch(run.inner(inner));
            return true;
        }
        if (first.endsWith("manage.py")) {
            List<Arg> inner = new ArrayList<>();
            inner.add(new Arg("manage.py", true, false, args.getFirst().evidence()));
            inner.addAll(args.subList(1, args.size()));
            commands.dispatch(run.inner(inner));
            return true;
        }
        return false;
    }

    /** Python modules that are a CLI under another name ({@code python -m awscli s3 rb …} is {@code aws s3 rb …}). */
    private static final Map<String, String> MODULE_CLIS = Map.of("awscli", "aws", "azure.cli", "az", "pip", "pip",
            "ansible", "ansible", "sqlfluff", "sqlfluff");

    /** {@code curl … | python3 -}: an interpreter whose program arrives on a pipe that is not literal text. */
    private static boolean readsCodeFromPipe(String program, List<Arg> args, SimpleCommands.Run run) {
        if (run.stdin().text().isPresent() || run.stdin().producer().isEmpty() || !Wrappers.isInterpreter(program)) {
            return false;
        }
        for (Arg a : args) {
            String w = a.value();
            if (w.equals("-")) {
                return true;
            }
            if (!w.startsWith("-")) {
                return false;
            }
            if (Set.of("-c", "-e", "-m", "-r", "--eval", "-p", "--print").contains(w)) {
                return false;
            }
        }
        return true;
    }
}
