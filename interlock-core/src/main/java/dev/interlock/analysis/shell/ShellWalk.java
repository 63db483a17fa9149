package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Redirect;
import dev.interlock.analysis.shell.syntax.Script;
import dev.interlock.analysis.shell.syntax.ShellParser;
import dev.interlock.analysis.shell.syntax.Span;
import dev.interlock.analysis.shell.syntax.Word;
import dev.interlock.analysis.shell.syntax.WordPart;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One analysis of one command line: walks the syntax tree, keeps what the line itself establishes (variables it
 * assigns, files it writes with literal content), and collects operations. Nested shells ({@code sh -c}, {@code eval},
 * {@code ssh host CMD}) are walked by the same object one level deeper, with their evidence pinned to the outer command.
 */
final class ShellWalk {

    static final int MAX_DEPTH = 8;
    /** No real command line has more; past it, the rest of a hostile input is not worth walking. */
    static final int MAX_OPERATIONS = 1_000;

    final ShellAnalyzer analyzer;
    /** Moves when the line runs {@code cd}. */
    Workspace workspace;
    final CarriedContext carried = new CarriedContext();
    /** Files of secrets written earlier in the line, followed to where they are published. */
    final SecretOutputs secretOutputs = new SecretOutputs();
    /** Volumes and disk images created earlier in the line: formatting them loses nothing. */
    final NewVolumes newVolumes = new NewVolumes();
    /** Repositories cloned earlier in the line: rewriting or resetting them loses nothing. */
    final FreshClones freshClones = new FreshClones();
    private final String source;
    final Map<String, String> env;
    /** Aliases defined earlier in this line ({@code alias x='rm -rf'}), expanded when a command starts with one. */
    final Map<String, String> aliases = new HashMap<>();
    /** Programs copied or linked under another name earlier in the line: resolved new path → the program's name. */
    final Map<String, String> programCopies = new HashMap<>();
    /**
     * Variables assigned the rows of a query earlier in this line ({@code r=$(curl …/incremental/users.json)}), with the
     * reads that returned them: printing the variable later carries the rows on ({@link RowVariables}).
     */
    final Map<String, List<Integer>> rowVariables = new HashMap<>();
    /** Variables assigned earlier in this line with literal values. */
    final Map<String, String> variables = new HashMap<>();
    /** Arrays assigned earlier in this line with literal words, and indirection through variables. */
    final ArrayVariables arrays = new ArrayVariables();
    /** Loop variables whose value stands for many ({@code for f in *.log}): words made of them are patterns. */
    final java.util.Set<String> patterns = new java.util.HashSet<>();
    /** Loop bodies walked so far ({@link LoopVariables#MAX_PASSES}). */
    private int loopPasses;
    /** Files whose text is known, by resolved path: written earlier in this line, or read by the adapter ({@code context.files}). */
    final Map<String, String> written = new HashMap<>();
    /** Files of this machine this line writes with text in view, by resolved path, with the write: judged for what they stage ({@link LaterRunWrites}). */
    final Map<String, Evidence> writtenHere = new java.util.LinkedHashMap<>();
    /** How many later runs deep this walk is: a start-up file written by a start-up file's script is followed once more, no further. */
    int laterDepth;
    /**
     * Files written earlier in this line whose text is hidden, by resolved path: what produced them (a decoder of input
     * not in view, a download). Running one is opaque, never a local script with unread contents.
     */
    final Map<String, String> hidden = new HashMap<>();
    /** Files whose text would have decided something had it been known: what an adapter should read ({@link ShellAnalyzer#filesNamed}). */
    final java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
    final List<Operation> operations = new ArrayList<>();
    /** Functions defined in this line that take arguments, walked at their calls. */
    final FunctionCalls functions = new FunctionCalls(this);
    /** Words that are the output of a shell-setup printer ({@link ShellSetup}), by where they are written. */
    private final Map<Evidence, String> shellSetup = new HashMap<>();
    private int depth;
    /** While walking a nested script, evidence is the outer command (offsets in the nested text mean nothing outside). */
    private Evidence pinned;
    /** Wrapper locators in force (ssh host, pod, container) for the nested script being walked. */
    Map<String, String> locators = Map.of();

    ShellWalk(ShellAnalyzer analyzer, String source, Workspace workspace, Map<String, String> env) {
        this.analyzer = analyzer;
        this.source = source;
        this.workspace = workspace;
        this.env = new HashMap<>(env);
    }

    /** The text of {@code path} when known; otherwise remembers that it was wanted. */
    /** The whole request's text: what else the line does decides some of its commands ({@code xdotool key Return}). */
    String source() {
        return source;
    }

    Optional<String> text(String path) {
        String resolved = workspace.resolve(path);
        String known = written.get(resolved);
        if (known == null) {
            wanted.add(resolved);
        }
        return Optional.ofNullable(known);
    }

    /** What produced {@code path} when this line wrote it from text it hides ({@link #hidden}). */
    Optional<String> hiddenSource(String path) {
        return Optional.ofNullable(hidden.get(workspace.resolve(path)));
    }

    /**
     * {@code curl -o x.sh URL && sh x.sh}, {@code curl -o m.mk URL && make -f m.mk}: a file this line wrote from text it
     * hides, run by {@code program}, is opaque, as piping that text into the program would be. True when it was one.
     */
    boolean runsHidden(String program, String path, Evidence evidence, Map<String, String> locators) {
        Optional<String> by = hiddenSource(path);
        by.ifPresent(what -> add(Opaque.operation(program + " runs " + path + ", which this command line " + what, evidence, locators)));
        return by.isPresent();
    }

    List<Operation> run() {
        walkScript(ShellParser.parse(source));
        functions.uncalled();
        LaterRunWrites.check(this);
        return List.copyOf(dev.interlock.analysis.shell.recognizers.filesystem.CleanedBuildOutput.of(
                dev.interlock.analysis.shell.recognizers.filesystem.BuildOutputPairs.of(operations)));
    }

    /**
     * A function's body run by a call ({@link FunctionCalls}): evidence pinned to the call, with the variables the call
     * was given ({@code X=1 f …}) in force for it.
     */
    void body(Command body, Optional<Evidence> call, Map<String, String> callEnv) {
        if (depth >= MAX_DEPTH) {
            add(Opaque.operation("function calls deeper than " + MAX_DEPTH + " levels", call.orElse(evidence(body.span())), locators));
            return;
        }
        Evidence savedPin = pinned;
        Map<String, String> saved = new HashMap<>();
        callEnv.forEach((k, v) -> {
            if (!v.equals(env.get(k))) {
                saved.put(k, env.get(k));
                env.put(k, v);
            }
        });
        depth++;
        pinned = pinned != null ? pinned : call.orElse(null);
        try {
            walk(body, Stdin.NONE);
        } finally {
            depth--;
            pinned = savedPin;
            saved.forEach((k, v) -> {
                if (v == null) {
                    env.remove(k);
                } else {
                    env.put(k, v);
                }
            });
        }
    }

    /** Analyzes shell text found inside the command ({@code sh -c}, {@code eval}, {@code ssh host CMD}, heredocs). */
    void nested(String text, Evidence outer, Map<String, String> extraLocators) {
        nested(text, outer, extraLocators, Stdin.NONE);
    }

    /**
     * {@link #nested} for text that gets the outer command's standard input ({@code echo 'df -h' | ssh host bash}): a
     * script of one command reads it; in a longer one, which command reads it is not known, so none does.
     */
    void nested(String text, Evidence outer, Map<String, String> extraLocators, Stdin stdin) {
        if (depth >= MAX_DEPTH) {
            add(Opaque.operation("shell nesting deeper than " + MAX_DEPTH + " levels", outer, locators));
            return;
        }
        Evidence savedPin = pinned;
        Map<String, String> savedLocators = locators;
        depth++;
        pinned = pinned != null ? pinned : outer;
        if (!extraLocators.isEmpty()) {
            Map<String, String> merged = new HashMap<>(locators);
            merged.putAll(extraLocators);
            locators = merged;
        }
        try {
            Script script = ShellParser.parse(text);
            if (stdin.piped() && script.complete() && script.commands().size() == 1) {
                walk(script.commands().getFirst(), stdin);
            } else {
                walkScript(script);
            }
        } finally {
            depth--;
            pinned = savedPin;
            locators = savedLocators;
        }
    }

    /**
     * {@link #nested} for a child shell ({@code KUBECONFIG=… sh -c '…'}, {@code AWS_PROFILE=prod bash deploy.sh}): the
     * variables the command was given are in force inside it, and what it exports does not outlive it.
     */
    void nestedChild(String text, Evidence outer, Map<String, String> extraLocators, Map<String, String> commandEnv) {
        Map<String, String> saved = new HashMap<>(env);
        env.putAll(commandEnv);
        try {
            nested(text, outer, extraLocators);
        } finally {
            env.clear();
            env.putAll(saved);
        }
    }

    void add(Operation op) {
        if (operations.size() < MAX_OPERATIONS) {
            operations.add(op);
        } else if (operations.size() == MAX_OPERATIONS) {
            operations.add(Opaque.operation("more than " + MAX_OPERATIONS + " operations in one command", evidence(new Span(0, 0)), locators));
        }
    }

    Evidence evidence(Span span) {
        return pinned != null ? pinned : Evidence.of(source, span.start(), span.end());
    }

    private void walkScript(Script script) {
        for (Command c : script.commands()) {
            walk(c, Stdin.NONE);
        }
        if (!script.complete()) {
            String why = script.problems().isEmpty() ? "the command could not be parsed completely" : String.join("; ", script.problems());
            add(Opaque.operation("could not parse: " + why, evidence(script.span()), locators));
        }
    }

    private void walk(Command command, Stdin stdin) {
        if (operations.size() > MAX_OPERATIONS) {
            return;
        }
        switch (command) {
            case Command.Simple s -> new SimpleCommands(this).run(s, stdin);
            case Command.Pipeline p -> walkPipeline(p);
            case Command.AndOr a -> a.items().forEach(c -> walk(c, Stdin.NONE));
            case Command.Background b -> walk(b.command(), Stdin.NONE);
            case Command.Subshell s -> {
                int before = operations.size();
                walkScript(s.body());
                RowsToFile.target(s, this).ifPresent(file -> RowsToFile.mark(operations, before, file));
                redirects(s.redirects());
            }
            case Command.Group g -> {
                int before = operations.size();
                walkScript(g.body());
                RowsToFile.target(g, this).ifPresent(file -> RowsToFile.mark(operations, before, file));
                redirects(g.redirects());
            }
            case Command.If i -> {
                i.conditions().forEach(this::walkScript);
                i.bodies().forEach(this::walkScript);
                i.elseBody().ifPresent(this::walkScript);
                redirects(i.redirects());
            }
            case Command.Loop l -> {
                l.condition().ifPresent(this::walkScript);
                int before = operations.size();
                l.items().forEach(this::substitutions);
                loop(l, List.copyOf(operations.subList(Math.min(before, operations.size()), operations.size())));
                redirects(l.redirects());
            }
            case Command.Case c -> {
                substitutions(c.subject());
                c.patterns().forEach(ps -> ps.forEach(this::substitutions));
                c.bodies().forEach(this::walkScript);
                redirects(c.redirects());
            }
            case Command.Function f -> {
                if (ForkBombs.recursesInBackground(f)) {
                    add(ForkBombs.operation(f, evidence(f.span()), locators));
                }
                if (!functions.define(f)) {
                    walk(f.body(), Stdin.NONE);
                }
            }
            case Command.Test t -> t.words().forEach(this::substitutions);
        }
    }

    /**
     * A {@code for} loop's body, once per value its variable can take ({@link LoopVariables}), and once more with the
     * variable unknown when some value is; the same operation found in several passes is kept once.
     */
    private void loop(Command.Loop l, List<Operation> listed) {
        String name = l.variable();
        if (name.isEmpty() || !(l.keyword().equals("for") || l.keyword().equals("select"))) {
            walkScript(l.body());
            return;
        }
        LoopVariables.Values values = LoopVariables.of(l, listed, this);
        int before = operations.size();
        int walked = 0;
        for (LoopVariables.Value v : values.known()) {
            if (loopPasses >= LoopVariables.MAX_PASSES) {
                break;
            }
            loopPasses++;
            walked++;
            variables.put(name, v.text());
            if (v.many()) {
                patterns.add(name);
            } else {
                patterns.remove(name);
            }
            walkScript(l.body());
        }
        boolean unknown = values.unknown() || walked < values.known().size() || walked == 0;
        if (unknown) {
            variables.remove(name);
            patterns.remove(name);
            walkScript(l.body());
        }
        if (operations.size() > before) {
            List<Operation> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(operations.subList(before, operations.size())));
            operations.subList(before, operations.size()).clear();
            operations.addAll(distinct);
        }
    }

    private void walkPipeline(Command.Pipeline p) {
        Stdin stdin = Stdin.NONE;
        List<Flows.Cargo> carried = new ArrayList<>();
        List<Integer> secrets = List.of();
        List<Integer> holders = List.of();
        List<Integer> rows = new ArrayList<>();
        List<Integer> fileReads = new ArrayList<>();
        List<Integer> picked = List.of();
        List<Integer> rendered = List.of();
        for (Command stage : p.stages()) {
            int before = operations.size();
            Stdin in = stdin;
            walk(stage, stdin);
            List<Operation> produced = List.copyOf(operations.subList(Math.min(before, operations.size()), operations.size()));
            for (int i : rendered) {
                RenderedRemovals.consumed(operations.get(i), produced).ifPresent(op -> operations.set(i, op));
            }
            rendered = RenderedRemovals.of(produced, before);
            // psql -c "SELECT * FROM users" | gzip > users.gz: the rows travel down the pipeline into the file
            if (!rows.isEmpty() && RowsToFile.counts(stage, this)) {
                rows.clear();
            }
            Optional<String> file = rows.isEmpty() ? Optional.empty() : RowsToFile.target(stage, this);
            file.ifPresent(f -> rows.forEach(i -> operations.set(i, DatabaseOps.rowsWrittenTo(operations.get(i), f))));
            if (!rows.isEmpty()) {
                // curl …/customers/_search | curl -T - https://transfer.sh/…: the rows go to a third party
                List<Integer> leaving = List.copyOf(rows);
                Flows.rowsLeave(stage, this).ifPresent(host -> leaving.forEach(i -> add(
                        dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer.exfiltration("query-results",
                                "the results of " + operations.get(i).evidence().text(), host, evidence(p.span()), locators))));
            }
            if (!fileReads.isEmpty()) {
                // cat /var/log/app.log | curl -T - https://transfer.sh/…: the file goes to a third party, as curl -T FILE
                List<Integer> leaving = List.copyOf(fileReads);
                Flows.rowsLeave(stage, this).ifPresent(host -> leaving.forEach(i -> add(
                        dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer.exfiltration("file",
                                readsDeviceConfiguration(operations.get(i)) ? "the configuration of " + operations.get(i).resource().name()
                                        : "the file " + operations.get(i).resource().name(), host, evidence(p.span()), locators))));
            }
            rows.addAll(RowVariables.printed(stage, this));
            for (int i = 0; i < produced.size(); i++) {
                if (DatabaseOps.returnsRows(produced.get(i))) {
                    rows.add(before + i);
                } else if (readsNamedFile(produced.get(i)) || readsDeviceConfiguration(produced.get(i))) {
                    fileReads.add(before + i);
                }
            }
            Optional<String> login = secrets.isEmpty() ? Optional.empty() : Flows.logsInFromStdin(stage, this);
            if (login.isPresent()) {
                // aws ecr get-login-password | docker login --password-stdin: the secret goes into the login, not on screen,
                // but the login keeps it on this machine (policy holds that for production credentials)
                shownNowhere(secrets, "handed to " + login.get() + " on standard input; not shown, but kept by the login");
                secrets.forEach(i -> operations.set(i, operations.get(i).toBuilder().locator("kept-by", login.get()).build()));
            }
            if (!secrets.isEmpty() && login.isEmpty() && SealedOutputs.seals(produced)) {
                // kubectl create secret … -o yaml | kubeseal: the secret is encrypted on the way, never shown
                shownNowhere(secrets, "sealed by the next stage: encrypted, not shown");
            }
            Optional<String> filter = secrets.isEmpty() || login.isPresent() ? Optional.empty() : Flows.picksHarmlessVariables(stage, this);
            if (filter.isPresent() && secrets.stream().allMatch(i -> operations.get(i).resource().type().equals("environment")
                    && operations.get(i).resource().name().isEmpty())) {
                // env | grep ^PATH: the dump is filtered down to variables that are not secrets
                shownNowhere(secrets, "filtered by " + filter.get() + ": no secret reaches the output");
            }
            if (!holders.isEmpty()) {
                Optional<String> field = Flows.picksSecrets(stage, this);
                if (field.isPresent()) {
                    for (int i : holders) {
                        operations.set(i, operations.get(i).toBuilder().verb(Verb.CREDENTIAL)
                                .note("the next stage picks '" + field.get() + "' out of it: a secret, printed in clear").build());
                    }
                }
            }
            if (!picked.isEmpty() && Flows.decodesInput(stage, this)) {
                // yq '.data.password' k8s/prod/db-secret.yaml | base64 -d: a Secret manifest's value, decoded to clear text
                for (int i : picked) {
                    Operation read = operations.get(i);
                    Operation.Builder b = read.toBuilder().verb(Verb.CREDENTIAL)
                            .note("the picked Secret value is decoded by the next stage: a secret, printed in clear");
                    if (dev.interlock.analysis.shell.recognizers.DeploymentWords.forProduction(read.resource().name())) {
                        // a manifest of production's Secret holds production's credential, wherever the file is read
                        b.locator("environment", "production").environment(dev.interlock.model.Tier.UNKNOWN, "");
                    }
                    operations.set(i, b.build());
                }
            }
            picked = Flows.picksManifestSecrets(stage, this).isEmpty() ? List.of()
                    : java.util.stream.IntStream.range(0, produced.size()).filter(i -> readsNamedFile(produced.get(i)))
                            .mapToObj(i -> before + i).toList();
            List<Integer> produces = new ArrayList<>();
            List<Integer> holding = new ArrayList<>();
            for (int i = 0; i < produced.size(); i++) {
                if (produced.get(i).verb() == Verb.CREDENTIAL) {
                    produces.add(before + i);
                } else if (Flows.holdsSecrets(produced.get(i))) {
                    holding.add(before + i);
                }
            }
            secrets = produces;
            holders = holding;
            if (carried.stream().anyMatch(c -> c.type().equals("database-dump"))) {
                // pg_dump prod | psql staging: the client runs the dump, writing every table it holds
                for (int i = before; i < before + produced.size() && i < operations.size(); i++) {
                    Operation op = operations.get(i);
                    if (op.system().equals("database") && op.verb() == Verb.UNKNOWN) {
                        operations.set(i, op.toBuilder().verb(Verb.REPLACE).scope(dev.interlock.model.Scope.ALL).stateful(true)
                                .reversible(false).note("loads a database dump from its input: every table in it is written").build());
                    }
                }
            }
            if (!carried.isEmpty() && login.isEmpty()) {
                Flows.sendsInput(stage, this).ifPresent(host -> carried.forEach(c ->
                        add(dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer.exfiltration(c.type(), c.what(), host, evidence(p.span()), locators))));
            }
            Flows.carried(stage, produced, this).ifPresent(carried::add);
            // trufflehog … | jq . > findings.json: the secrets the pipeline carries land in the file
            carried.stream().filter(c -> c.type().equals("credentials")).findFirst().ifPresent(c ->
                    RowsToFile.target(stage, this).ifPresent(f -> secretOutputs.written(workspace.resolve(f), c.what())));
            stdin = Stdin.from(stage, this, in);
        }
    }

    /** A read of a file or directory named on the command line (not the command's own input). */
    private static boolean readsNamedFile(Operation op) {
        return op.system().equals("filesystem") && op.verb() == Verb.READ && !op.resource().name().isEmpty()
                && java.util.Set.of("file", "directory").contains(op.resource().type());
    }

    /**
     * A router's or switch's configuration shown over its CLI ({@code show running-config}, Junos {@code show
     * configuration}, VRP {@code display current-configuration}, RouterOS {@code /export}): it holds the device's
     * secrets and the network's layout, as a configuration file would.
     */
    private static boolean readsDeviceConfiguration(Operation op) {
        return op.system().equals("network") && op.verb() == Verb.READ && op.resource().type().equals("configuration");
    }

    /** The credential reads at {@code indexes} are plain reads: the next stage keeps their secret off the screen. */
    private void shownNowhere(List<Integer> indexes, String why) {
        for (int i : indexes) {
            operations.set(i, operations.get(i).toBuilder().verb(Verb.READ).note(why).build());
        }
    }

    /** Command and process substitutions inside a word run first, whatever the word is for. */
    void substitutions(Word word) {
        word.parts().forEach(this::substitutionPart);
    }

    private void substitutionPart(WordPart part) {
        switch (part) {
            case WordPart.CommandSubstitution cs -> walkScript(cs.script());
            case WordPart.ProcessSubstitution ps -> walkScript(ps.script());
            default -> { }
        }
    }

    void redirects(List<Redirect> redirects) {
        for (Redirect r : redirects) {
            substitutions(r.target());
            // An unquoted heredoc runs its command substitutions when used; the text around them stays data.
            r.heredoc().ifPresent(h -> h.parts().forEach(this::substitutionPart));
        }
        RedirectWrites.operations(redirects, this).forEach(this::add);
    }

    /** The literal value of a word, using variables this line assigned; empty when it depends on something unknown. */
    Optional<String> value(Word word) {
        Optional<String> literal = word.literal();
        if (literal.isPresent()) {
            return literal;
        }
        StringBuilder out = new StringBuilder();
        boolean trimmedPattern = false;
        for (WordPart part : word.parts()) {
            switch (part) {
                case WordPart.Literal l -> out.append(l.text());
                case WordPart.Parameter p when variables.containsKey(p.name()) && p.expression().equals(p.name()) ->
                        out.append(variables.get(p.name()));
                case WordPart.Parameter p -> {
                    Optional<String> trimmed = ParameterTrims.value(p, variables, patterns);
                    trimmedPattern |= trimmed.isPresent() && patterns.contains(p.name());
                    Optional<String> element = trimmed.or(() -> arrays.value(p, variables));
                    if (element.isEmpty()) {
                        return Optional.empty();
                    }
                    out.append(element.get());
                }
                case WordPart.CommandSubstitution cs -> {
                    Optional<String> echoed = Stdin.echoed(cs.script(), this);
                    if (echoed.isEmpty()) {
                        return Optional.empty();
                    }
                    out.append(echoed.get());
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return trimmedPattern && ParameterTrims.bareWildcard(out.toString()) ? Optional.empty() : Optional.of(out.toString());
    }

    Arg arg(Word word) {
        Optional<String> v = value(word);
        Evidence ev = pinned != null ? Evidence.text(word.raw()) : Evidence.of(source, word.span().start(), word.span().end());
        if (v.isEmpty()) {
            ShellSetup.printer(word, this).ifPresent(printer -> shellSetup.put(ev, printer));
        }
        boolean glob = word.glob() || word.parts().stream().anyMatch(p -> p instanceof WordPart.Parameter param && patterns.contains(param.name()));
        return v.map(s -> new Arg(s, true, glob, ev)).orElseGet(() -> new Arg(display(word), false, glob, ev));
    }

    /** The command whose printed shell setup {@code arg} is ({@code "$(pyenv init -)"}), when it is only that. */
    Optional<String> shellSetup(Arg arg) {
        return arg.literal() ? Optional.empty() : Optional.ofNullable(shellSetup.get(arg.evidence()));
    }

    /** A word that depends on run time, quotes removed and expansions shown as written: {@code "$TMPDIR/x"} → {@code $TMPDIR/x}. */
    private String display(Word word) {
        StringBuilder out = new StringBuilder();
        for (WordPart part : word.parts()) {
            switch (part) {
                case WordPart.Literal l -> out.append(l.text());
                case WordPart.Parameter p when variables.containsKey(p.name()) && p.expression().equals(p.name()) ->
                        out.append(variables.get(p.name()));
                case WordPart.Parameter p -> out.append(p.expression().equals(p.name()) ? "$" + p.name() : "${" + p.expression() + "}");
                case WordPart.CommandSubstitution cs -> out.append("$(…)");
                case WordPart.ProcessSubstitution ps -> out.append(ps.output() ? ">(…)" : "<(…)");
                case WordPart.Arithmetic a -> out.append("$((").append(a.expression()).append("))");
            }
        }
        return out.toString();
    }
}
