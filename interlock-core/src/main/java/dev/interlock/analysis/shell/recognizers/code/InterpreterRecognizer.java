package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.shell.recognizers.DataCopies;
import dev.interlock.analysis.shell.recognizers.DeploymentScripts;
import dev.interlock.analysis.shell.recognizers.LocalFiles;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Kind;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Script interpreters run with code on the command line ({@code python -c}, {@code node -e}, {@code ruby -e},
 * {@code php -r}, {@code osascript -e}, {@code pwsh -Command}) or on stdin ({@code python3 - <<PY}). The code is
 * scanned for literal shell commands (analyzed as shell), literal deletes (filesystem operations), and constructs that
 * hide what runs (opaque). Running a script file is a plain local process run.
 */
public final class InterpreterRecognizer implements Recognizer {

    private static final Map<String, Language> LANGUAGES = languages();
    /** Flags whose next argument is code, per language. */
    private static final Map<Language, Set<String>> CODE_FLAGS = Map.of(
            Language.PYTHON, Set.of("-c"),
            Language.JAVASCRIPT, Set.of("-e", "--eval", "-p", "--print"),
            Language.RUBY, Set.of("-e"),
            Language.PERL, Set.of("-e", "-E"),
            Language.PHP, Set.of("-r"),
            Language.APPLESCRIPT, Set.of("-e"),
            Language.R, Set.of("-e"),
            Language.LUA, Set.of("-e"),
            Language.POWERSHELL, Set.of("-command", "-c", "-cmd"));
    /** Flags that take a value which is not code (a module, an include path, a library). */
    private static final Set<String> VALUED = Set.of("-W", "-X", "-r", "--require", "-I", "--import", "-l", "-M", "-d",
            "-x", "--loader", "--input-type", "-c:", "-executionpolicy", "-ex", "-windowstyle", "-configurationname",
            "-workingdirectory", "-wd", "-outputformat", "-inputformat");
    private static final Pattern RECURSIVE = Pattern.compile("recursive\\s*[:=]\\s*(?:true|TRUE|T)\\b|-Recurse|force\\s*:\\s*true");
    private static final int MAX_DEPTH = 3;

    private static Map<String, Language> languages() {
        Map<String, Language> m = new java.util.HashMap<>();
        for (String p : List.of("python", "python2", "python3", "pypy", "pypy3", "python2.7")) {
            m.put(p, Language.PYTHON);
        }
        for (int minor = 5; minor <= 15; minor++) {
            m.put("python3." + minor, Language.PYTHON);
        }
        for (String p : List.of("node", "nodejs", "deno", "bun")) {
            m.put(p, Language.JAVASCRIPT);
        }
        m.put("ruby", Language.RUBY);
        m.put("perl", Language.PERL);
        m.put("php", Language.PHP);
        m.put("osascript", Language.APPLESCRIPT);
        m.put("Rscript", Language.R);
        m.put("R", Language.R);
        m.put("lua", Language.LUA);
        m.put("luajit", Language.LUA);
        m.put("pwsh", Language.POWERSHELL);
        m.put("powershell", Language.POWERSHELL);
        m.put("powershell.exe", Language.POWERSHELL);
        return Map.copyOf(m);
    }

    @Override
    public Set<String> programs() {
        return LANGUAGES.keySet();
    }

    /** What the command line says to run: inline code, a script or module, or nothing (a REPL). */
    private record Source(StringBuilder code, boolean literal, String script, List<String> operands, boolean inPlace,
                          String opaque) {
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Language language = LANGUAGES.getOrDefault(inv.program(), Language.PYTHON);
        Source source = language == Language.POWERSHELL ? powershell(inv.args()) : source(inv, language);
        if (!source.opaque().isEmpty()) {
            return List.of(LocalFiles.opaque(inv, source.opaque()));
        }
        List<Operation> ops = new ArrayList<>();
        if (source.inPlace()) {
            for (String file : source.operands()) {
                ops.add(SelfProtectionRecognizer.write(inv, file, "edits"));
            }
        }
        if (source.code().isEmpty() && inv.stdin().isPresent() && source.script().isEmpty()) {
            source.code().append(inv.stdin().get());
        }
        if (source.code().isEmpty() && !source.script().isEmpty() && !source.script().startsWith("-m")) {
            Optional<Arg> scriptArg = inv.args().stream().filter(a -> a.value().equals(source.script())).findFirst();
            if (scriptArg.isPresent() && !scriptArg.get().literal()) {
                ops.add(LocalFiles.opaque(inv, inv.program() + " runs code from " + source.script() + ", only known at run time"));
                return ops;
            }
            Optional<String> written = nested.written(source.script());
            Optional<String> hidden = written.isPresent() ? Optional.empty() : nested.hiddenSource(source.script());
            if (hidden.isPresent()) {
                // echo "$P" | base64 -d > /tmp/c.py && python3 /tmp/c.py: code no one has read, like curl … | python3 -
                ops.add(Operation.builder("process", Verb.UNKNOWN).resource("program", inv.program()).confidence(Confidence.OPAQUE)
                        .reversible(false).evidence(inv.evidence())
                        .note(inv.program() + " runs " + source.script() + ", which this command line " + hidden.get()).build());
                return ops;
            }
            if (written.isEmpty()) {
                ops.add(script(inv, source.script()));
                DataCopies.named(inv, source.script())
                        .or(() -> DeploymentScripts.named(inv.program(), source.script()).map(b -> b.evidence(inv.evidence()).build()))
                        .ifPresent(ops::add);
                return ops;
            }
            source.code().append(written.get());
        }
        if (source.code().isEmpty()) {
            String what = source.script().isEmpty() ? inv.program() : source.script();
            ops.add(LocalFiles.execute(inv, what, source.script().isEmpty() ? "interactive interpreter" : "runs a module"));
            return ops;
        }
        if (!source.literal()) {
            ops.add(LocalFiles.opaque(inv, "the " + inv.program() + " code is built from shell variables"));
            return ops;
        }
        ops.addAll(code(source.code().toString(), language, inv, nested, 0, new HashSet<>()));
        if (ops.isEmpty() && language == Language.POWERSHELL && PowerShellStatements.onlyLooks(LiteralEvaluations.inlined(source.code().toString(), language))) {
            // Get-Service W3SVC | Select-Object Status: a look at the machine, wherever it runs (a prod host too)
            ops.add(LocalFiles.local(inv, Operation.builder("powershell", Verb.READ).resource("cmdlets", "")
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note("PowerShell that only reads and prints"),
                    "runs on this machine").build());
            return ops;
        }
        if (ops.isEmpty() && ReadOnlyCode.only(source.code().toString(), language)) {
            // print(open(sys.argv[1]).read()) ~/.ssh/id_ed25519: what it reads is named on the command line
            for (String operand : source.operands()) {
                if (Regex.find(source.code(), "\\b(?:argv|ARGV)\\b") && SecretFiles.isSecret(inv.workspace().resolve(operand))) {
                    ops.add(CredentialRecognizer.secretFile(inv, operand));
                }
            }
            if (!ops.isEmpty()) {
                return ops;
            }
            // puts File.read("/etc/os-release"): a look at the machine, wherever it runs (a prod host too)
            ops.add(LocalFiles.local(inv, Operation.builder("process", Verb.READ).resource("code", inv.program())
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note("inline code that only reads and prints"),
                    "runs on this machine").build());
            return ops;
        }
        if (ops.isEmpty()) {
            ops.add(LocalFiles.execute(inv, inv.program(), "inline code with no destructive call"));
        }
        return ops;
    }

    /**
     * A script whose contents this command line does not show: local work on this machine, but not proof of anything
     * in a declared environment, so it takes that environment (like {@code ./deploy.sh}).
     */
    static Operation script(Invocation inv, String path) {
        if (!inv.remote()) {
            Optional<Operation> applied = dev.interlock.analysis.shell.recognizers.AppliedScripts.inProduction(path, inv.args(), inv.env(), inv.evidence());
            if (applied.isPresent()) {
                return applied.get();
            }
        }
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("script", path)
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note("runs the script " + path + " (its contents are not analyzed)");
        // code Interlock cannot read goes where its variables send it (DATABASE_URL=postgresql://db.prod…)
        Optional<String> server = LocalFiles.serverInEnv(inv.env());
        return server.isPresent() ? b.locator("host", server.get()).build() : LocalFiles.localUnlessNamed(inv, b, "a script on this machine").build();
    }

    private static Source source(Invocation inv, Language language) {
        List<Arg> args = inv.args();
        Set<String> codeFlags = CODE_FLAGS.get(language);
        StringBuilder code = new StringBuilder();
        boolean literal = true;
        String script = "";
        List<String> operands = new ArrayList<>();
        boolean inPlace = false;
        int start = 0;
        if (inv.program().equals("deno") || inv.program().equals("bun")) {
            String sub = args.isEmpty() ? "" : args.getFirst().value();
            if (sub.equals("eval")) {
                for (Arg a : args.subList(1, args.size())) {
                    if (!a.value().startsWith("-")) {
                        code.append(a.value()).append('\n');
                        literal &= a.literal();
                    }
                }
                return new Source(code, literal, "", operands, false, "");
            }
            if (!sub.isEmpty() && !sub.startsWith("-")) {
                return new Source(code, true, inv.program() + " " + sub, operands, false, "");
            }
        }
        for (int i = start; i < args.size(); i++) {
            Arg arg = args.get(i);
            String w = arg.value();
            if (!script.isEmpty() || (!code.isEmpty() && !w.startsWith("-"))) {
                operands.add(w);
                continue;
            }
            // -ne, -lane, -wE bundle the code flag; -rstripe, -Mre, -Iinclude and -Eutf-8 attach a library, a path or an encoding
            boolean bundledCode = language == Language.PERL || language == Language.RUBY
                    ? Regex.matches(w, "-(?![rIMmCxEKd])[a-zA-Z0-9.]*[eE]") && !w.startsWith("--") : false;
            if (codeFlags.contains(w) || bundledCode) {
                inPlace |= language == Language.PERL && Regex.matches(w, "-[a-zA-Z]*i.*");
                if (i + 1 < args.size()) {
                    Arg next = args.get(++i);
                    code.append(next.value()).append('\n');
                    literal &= next.literal();
                }
            } else if (w.length() > 2 && codeFlags.contains(w.substring(0, 2)) && language == Language.PYTHON) {
                code.append(w.substring(2)).append('\n');
                literal &= arg.literal();
            } else if (w.equals("-")) {
                inv.stdin().ifPresent(s -> code.append(s).append('\n'));
            } else if (w.equals("-m") && language == Language.PYTHON) {
                script = i + 1 < args.size() ? "-m " + args.get(i + 1).value() : "-m";
            } else if (w.equals("-f") && language == Language.PHP) {
                script = i + 1 < args.size() ? args.get(++i).value() : "";
            } else if (VALUED.contains(w)) {
                i++;
            } else if (w.startsWith("-")) {
                inPlace |= language == Language.PERL && Regex.matches(w, "-[a-zA-Z]*i.*");
            } else {
                script = w;
            }
        }
        return new Source(code, literal, script, operands, inPlace && !operands.isEmpty(), "");
    }

    /** PowerShell flags are case-insensitive and may be abbreviated; -Command takes the rest of the line. */
    private static Source powershell(List<Arg> args) {
        StringBuilder code = new StringBuilder();
        boolean literal = true;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value().toLowerCase(Locale.ROOT);
            if (w.startsWith("-e") && "-encodedcommand".startsWith(w) || w.equals("-ec") || w.equals("-enc")) {
                return new Source(code, true, "", List.of(), false, "runs a base64-encoded PowerShell command");
            }
            if (w.startsWith("-f") && "-file".startsWith(w)) {
                return new Source(code, true, i + 1 < args.size() ? args.get(i + 1).value() : "", List.of(), false, "");
            }
            boolean commandFlag = w.startsWith("-c") && "-command".startsWith(w);
            if (commandFlag || !w.startsWith("-")) {
                int from = commandFlag ? i + 1 : i;
                if (!commandFlag && w.endsWith(".ps1")) {
                    return new Source(code, true, args.get(i).value(), List.of(), false, "");
                }
                for (Arg a : args.subList(from, args.size())) {
                    code.append(a.value()).append(' ');
                    literal &= a.literal() || onlyConstants(a.value());
                }
                break;
            }
            if (VALUED.contains(w)) {
                i++;
            }
        }
        return new Source(code, literal, "", List.of(), false, "");
    }

    private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile("(?i)\\$(true|false|null)(?![\\w:])");

    /**
     * Whether the only expansions in a word of PowerShell code are PowerShell's own constants ({@code -CaseSensitive:$false},
     * {@code -Force:$true}, {@code $null}): PowerShell reads them as values, whatever a shell would make of them.
     */
    private static boolean onlyConstants(String word) {
        return word.indexOf('$') >= 0 && CONSTANT.matcher(word).replaceAll("").indexOf('$') < 0 && word.indexOf('`') < 0;
    }

    /** {@code seen} spans eval'd literals too: their calls were already found when scanning the outer text. */
    private static List<Operation> code(String code, Language language, Invocation inv, Nested nested, int depth,
                                        Set<String> seen) {
        List<Operation> ops = new ArrayList<>();
        if (depth == 0) {
            code = LiteralEvaluations.inlined(CodeAliases.canonical(code, language), language);
            CodeScanner.dynamic(code, language).ifPresent(what -> ops.add(LocalFiles.opaque(inv, inv.program() + " code " + what)));
            ops.addAll(sdk(code, language, inv, nested));
            for (String line : MailCalls.commandLines(code, language)) {
                // judged as the swaks command that sends the same mail
                for (Operation op : nested.shell(line, inv)) {
                    ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                            + "from " + inv.program() + " code, as `" + line + "`").build());
                }
            }
            if (language == Language.APPLESCRIPT) {
                for (String line : FinderScripts.commandLines(code)) {
                    // judged as the shell command that does to the files what Finder does
                    for (Operation op : nested.shell(line, inv)) {
                        ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                                + "from Finder in AppleScript, as `" + line + "`").build());
                    }
                }
            }
            for (String hook : InstallHooks.commands(code)) {
                // npm runs it by itself at the next install, on this machine
                for (Operation op : nested.shell(hook, inv)) {
                    ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                            + "written by " + inv.program() + " code into package.json's install hooks: `" + hook + "`").build());
                }
            }
            if (language == Language.POWERSHELL) {
                code = PowerShellStatements.canonical(code);
                code = PowerShellRemoting.elsewhere(code, inv, nested, ops);
                ops.addAll(PowerShellCmdlets.operations(code, inv));
                ops.addAll(WindowsServerCmdlets.operations(code, inv, nested));
                ops.addAll(PowerShellCmdlets.writes(code, inv));
                ops.addAll(PowerShellCmdlets.escalations(code, inv));
                ops.addAll(PowerShellCmdlets.readsAndQueries(code, inv, nested));
                ops.addAll(PowerShellTransfers.operations(code, inv));
                for (String program : PowerShellStatements.programs(code)) {
                    for (Operation op : nested.shell(program, inv)) {
                        ops.add(op.withEvidence(inv.evidence()));
                    }
                }
            }
        }
        List<CodeScanner.Found> found = CodeScanner.scan(code, language);
        if (depth == 0) {
            protectedPathInComputedWrite(code, found, inv).ifPresent(ops::add);
            secretPathInComputedRead(code, found, inv).ifPresent(ops::add);
            ops.addAll(StoredSecretCalls.in(code, language, inv));
            boolean printsResult = inv.words().contains("-p") || inv.words().contains("--print"); // node -p, deno eval -p
            printedSecretVariables(code, printsResult).forEach(name -> ops.add(
                    dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.secretVariable(inv, name)));
            if ((printsResult || PRINTS.matcher(code).find()) && WHOLE_ENVIRONMENT.matcher(code).find()) {
                ops.add(dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.secretVariable(inv, ""));
            }
        }
        for (CodeScanner.Found f : found) {
            String key = f.kind() + ":" + f.literals();
            if (!f.literals().isEmpty() && !seen.add(key)) {
                continue;
            }
            switch (f.kind()) {
                case SHELL -> {
                    if (f.literal()) {
                        // os.exec*(path, argv…): the path is not a word of the command line, argv[0] names it
                        List<String> words = f.what().equals("os.exec") && f.literals().size() > 1
                                ? f.literals().subList(1, f.literals().size()) : f.literals();
                        String line = shellLine(words);
                        if (language == Language.APPLESCRIPT && AS_ADMINISTRATOR.matcher(Regex.replaceFirst(f.tail(), "\n[\\s\\S]*", "")).find()) {
                            // macOS asks for an administrator's password and runs the command as root: sudo by another name
                            line = "sudo sh -c '" + line.replace("'", "'\\''") + "'";
                        }
                        for (Operation op : nested.shell(line, inv)) {
                            ops.add(op.withEvidence(inv.evidence()));
                        }
                    } else {
                        ops.add(LocalFiles.opaque(inv, f.what() + " runs a shell command computed at run time"));
                    }
                }
                case DELETE, DELETE_TREE, DELETE_MAYBE_TREE -> {
                    boolean recursive = f.kind() == Kind.DELETE_TREE
                            || (f.kind() == Kind.DELETE_MAYBE_TREE && RECURSIVE.matcher(f.tail()).find());
                    if (f.literal()) {
                        ops.add(LocalFiles.delete(inv, f.literals().getFirst(), recursive, Confidence.EXACT,
                                f.what() + " deletes " + f.literals().getFirst()));
                    } else {
                        ops.add(LocalFiles.delete(inv, "", recursive, Confidence.INFERRED,
                                f.what() + " deletes a path computed at run time"));
                    }
                }
                case EVAL -> {
                    if (f.literal() && depth < MAX_DEPTH) {
                        ops.addAll(code(String.join("\n", f.literals()), language, inv, nested, depth + 1, seen));
                    } else {
                        ops.add(LocalFiles.opaque(inv, f.what() + " evaluates code computed at run time"));
                    }
                }
                case OPEN -> {
                    boolean writes = f.literals().size() > 1 && Regex.matches(f.literals().get(1), "[rbt]*[wax+][bt+]*");
                    if (f.literal() && writes) {
                        ops.add(SelfProtectionRecognizer.write(inv, f.literals().getFirst(), "writes"));
                    } else if (f.literal() && SecretFiles.isSecret(inv.workspace().resolve(f.literals().getFirst()))) {
                        ops.add(CredentialRecognizer.secretFile(inv, f.literals().getFirst()));
                    }
                }
                case HTTP -> ops.add(NetworkRecognizer.request(inv, f.literal() ? f.literals().getFirst() : "", f.what(),
                        f.what() + " request from " + inv.program() + " code"));
                case WRITE -> {
                    if (f.literal()) {
                        ops.add(SelfProtectionRecognizer.write(inv, f.literals().getFirst(), "writes"));
                    }
                }
            }
        }
        if (depth == 0) {
            secretsSent(ops, inv).ifPresent(ops::add);
            if (ops.stream().noneMatch(op -> op.verb() == Verb.TRANSFER && op.resource().type().equals("credentials"))) {
                SecretLookups.in(code, ops, inv).ifPresent(ops::add);
            }
            ReverseShells.in(code, inv).ifPresent(ops::add);
            return buildOutputCleared(ops, inv);
        }
        return ops;
    }

    /**
     * {@code shutil.rmtree('build'); shutil.rmtree('dist')}: several build outputs of the workspace cleared by one piece
     * of code are a clean, judged like {@code rm -rf build dist} (where {@code build} alone would ask).
     */
    private static List<Operation> buildOutputCleared(List<Operation> ops, Invocation inv) {
        List<Operation> deletes = ops.stream().filter(op -> op.system().equals("filesystem") && op.verb() == Verb.DELETE
                && op.resource().type().equals("directory") && !op.resource().name().isEmpty()).toList();
        if (deletes.size() < 2) {
            return ops;
        }
        List<dev.interlock.analysis.shell.recognizers.filesystem.FileTarget> targets = deletes.stream()
                .map(op -> dev.interlock.analysis.shell.recognizers.filesystem.FileTarget.of(Arg.of(op.resource().name()), inv)).toList();
        if (!dev.interlock.analysis.shell.recognizers.filesystem.FileTarget.clearedTogether(targets)) {
            return ops;
        }
        return ops.stream().map(op -> deletes.contains(op) && op.stateful()
                ? op.toBuilder().stateful(false).reversible(true).note(op.note() + "; build output cleared with the rest of the build").build()
                : op).toList();
    }

    /** AppleScript's {@code do shell script "…" with administrator privileges}, on the same line as the call. */
    private static final java.util.regex.Pattern AS_ADMINISTRATOR = java.util.regex.Pattern.compile("\\bwith administrator privileges\\b");

    /** Code that reads a secret and sends a request body somewhere sends the secret: {@code urlopen(url, data=open(key).read())}. */
    private static Optional<Operation> secretsSent(List<Operation> ops, Invocation inv) {
        Optional<Operation> secret = ops.stream().filter(op -> op.verb() == Verb.CREDENTIAL).findFirst();
        Optional<Operation> send = ops.stream()
                .filter(op -> op.system().equals("http") && (op.verb() == Verb.CREATE || op.verb() == Verb.UPDATE)).findFirst();
        if (secret.isEmpty() || send.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NetworkRecognizer.exfiltration("credentials", secret.get().resource().name(),
                send.get().resource().locators().getOrDefault("host", ""), inv.evidence(), Map.of()));
    }

    /**
     * Cloud, Kubernetes and database calls, judged as the CLI command that does the same. Code that loads such a library
     * but makes calls Interlock cannot read is opaque, and takes the environment of the system it reaches; so is code
     * whose calls read as reads only when another call in it is unaccounted for. Python or JavaScript that only builds
     * clients and calls none of their operations ({@code print(s3.delete_bucket.__doc__)}) sends no request at all.
     */
    private static List<Operation> sdk(String code, Language language, Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        SdkCalls.Found found = SdkCalls.find(code, language, inv.env());
        for (String line : found.commandLines()) {
            for (Operation op : nested.shell(line, inv)) {
                ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                        + "from " + inv.program() + " code, as `" + line + "`").build());
            }
        }
        for (SdkCalls.Generic g : found.generic()) {
            boolean loses = g.verb() == Verb.DELETE;
            Operation.Builder b = Operation.builder(g.system(), g.verb()).resource(g.type(), g.name())
                    .confidence(Confidence.INFERRED).stateful(loses).reversible(!loses)
                    .scope(g.many() && g.type().equals("tables") ? dev.interlock.model.Scope.ALL
                            : g.many() ? dev.interlock.model.Scope.MANY : dev.interlock.model.Scope.ONE)
                    .note(g.call() + " in " + inv.program() + " code").evidence(inv.evidence());
            g.locators().forEach(b::locator);
            if (!g.local().isEmpty()) {
                LocalFiles.local(inv, b.stateful(false).reversible(true), g.local());
            }
            ops.add(b.build());
        }
        List<String> reaches = SdkCalls.reaches(code, language);
        Optional<List<String>> unread = reaches.isEmpty() ? Optional.empty() : UnreadCalls.in(code, language, found.accounted());
        if (found.isEmpty() && unread.filter(List::isEmpty).isPresent()) {
            ops.add(LocalFiles.execute(inv, inv.program(), "builds " + String.join(", ", reaches)
                    + " clients but calls none of their operations: no request leaves this machine"));
            return ops;
        }
        // reads stand only if no other call in the code is named like a change (a data method like sort() or groupby() is not)
        boolean onlyReads = ops.stream().allMatch(op -> op.verb() == Verb.READ || op.verb() == Verb.CREDENTIAL);
        List<String> unreadChanges = unread.map(u -> u.stream().filter(UnreadCalls::changes).toList()).orElse(List.of());
        if (found.isEmpty() || onlyReads && !unreadChanges.isEmpty()) {
            String what = found.isEmpty() ? "in a way Interlock cannot read" : "and also calls " + String.join(", ", unreadChanges)
                    + ", which Interlock cannot read";
            List<Operation> read = List.copyOf(ops);
            for (String system : reaches) {
                Operation.Builder b = Operation.builder(system, Verb.UNKNOWN).resource("code", inv.program())
                        .confidence(Confidence.OPAQUE).reversible(false).evidence(inv.evidence())
                        .note(inv.program() + " code uses a " + system + " library " + what);
                whereItActs(system, read).forEach(b::locator);
                ops.add(b.build());
            }
        }
        return ops;
    }

    private static final List<String> WHERE = List.of("context", "kubeconfig", "cluster", "profile", "account", "project",
            "subscription", "resource-group", "host", "database", "namespace");

    /**
     * The locators the recognized calls of {@code system} carry (the context, project, host the code names), for its
     * unread rest; not a host on this machine, which may be one client's emulator while the unread call uses another.
     */
    private static Map<String, String> whereItActs(String system, List<Operation> recognized) {
        boolean dataStore = !List.of("aws", "gcp", "azure", "kubernetes").contains(system);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Operation op : recognized) {
            if (op.system().equals(system) || dataStore && op.system().equals("database")) {
                WHERE.forEach(kind -> {
                    String value = op.resource().locator(kind);
                    if (!value.isEmpty() && !(kind.equals("host") && CloudSdkCalls.local(value))) {
                        out.putIfAbsent(kind, value);
                    }
                });
            }
        }
        return out;
    }

    /** Reading an environment variable in code: os.environ['X'], os.getenv("X"), process.env.X, ENV['X'], $ENV{X}, getenv('X'). */
    static final java.util.regex.Pattern ENV_READ = java.util.regex.Pattern.compile(
            "(?:environ(?:\\.get)?\\s*[\\[(]\\s*|getenv\\s*\\(\\s*|ENV(?:\\.fetch)?\\s*[\\[(]\\s*|ENV\\{\\s*)['\"]?([A-Za-z_][A-Za-z0-9_]*)"
            + "|process\\.env(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*['\"]([A-Za-z_][A-Za-z0-9_]*))");
    /**
     * The whole environment as a value (printed, it shows every token): {@code print(os.environ)}, {@code dict(os.environ)},
     * {@code console.log(process.env)}, {@code JSON.stringify(process.env)}, {@code p ENV}, {@code ENV.to_h}, {@code %ENV},
     * {@code getenv()}, {@code $_ENV}. Its names alone ({@code os.environ.keys()}, {@code Object.keys(process.env)}) are not secrets.
     */
    private static final java.util.regex.Pattern WHOLE_ENVIRONMENT = java.util.regex.Pattern.compile(
            "os\\.environ\\s*(?:[),;]|$|\\.(?:items|copy|values)\\s*\\()|os\\.environ\\s*\\)|(?<!keys\\()\\bprocess\\.env\\s*(?:[),;]|$)"
            + "|Object\\.(?:entries|values)\\s*\\(\\s*process\\.env|\\bENV\\.(?:to_h|to_a|to_hash|inspect|each|map)\\b|\\b(?:p|pp|puts)\\s+ENV\\s*(?:$|;)"
            + "|%ENV\\b|\\bgetenv\\s*\\(\\s*\\)|\\$_ENV\\s*[),;]|\\$_SERVER\\s*[),;]|\\benviron\\s*\\(\\s*\\)");

    /** Output calls of the interpreters: what they print lands in the agent's transcript. */
    private static final java.util.regex.Pattern PRINTS = java.util.regex.Pattern.compile(
            "\\bprint\\s*\\(|\\bprint\\s+|console\\.(?:log|info|error|warn|dir)\\s*\\(|\\bputs\\b|\\bp\\s+ENV|\\becho\\b|\\bprintf\\b"
            + "|\\bsay\\b|stdout\\.write|\\bpprint\\b|\\bvar_dump\\b|\\bprint_r\\b|\\bWrite-(?:Host|Output)\\b");

    /**
     * {@code python -c "import os; print(os.environ['GITHUB_TOKEN'])"}: one-liner code that prints output and reads a
     * secret-looking variable shows the secret, as {@code echo $GITHUB_TOKEN} does.
     */
    private static List<String> printedSecretVariables(String code, boolean printsResult) {
        if (!printsResult && !PRINTS.matcher(code).find()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = ENV_READ.matcher(code);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (name != null && dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.secretName(name) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * {@code fs.writeFileSync(process.env.HOME + '/.claude/settings.json', …)}: a write whose path is computed, in code
     * that spells out a piece of Interlock's or an agent's guard configuration, is taken to write it.
     */
    private static Optional<Operation> protectedPathInComputedWrite(String code, List<CodeScanner.Found> found, Invocation inv) {
        boolean computedWrite = found.stream().anyMatch(f -> !f.literal() && (f.kind() == Kind.WRITE || f.kind() == Kind.OPEN
                || f.kind() == Kind.DELETE || f.kind() == Kind.DELETE_TREE || f.kind() == Kind.DELETE_MAYBE_TREE));
        if (!computedWrite) {
            return Optional.empty();
        }
        return spelledPath(code, inv, candidate -> SelfProtection.isProtectedPath(candidate, inv.workspace()))
                .map(candidate -> SelfProtectionRecognizer.protectedWrite(inv, candidate, inv.program() + " code writes"));
    }

    /**
     * {@code open(os.path.expanduser('~/.aws/credentials'))}, {@code readFileSync(process.env.HOME + '/.npmrc')},
     * {@code File.read(File.join(Dir.home, ".ssh/id_rsa"))}: a read whose path is computed, in code that spells out a
     * secret file under the home directory or the workspace, is taken to read it.
     */
    private static Optional<Operation> secretPathInComputedRead(String code, List<CodeScanner.Found> found, Invocation inv) {
        if (found.stream().noneMatch(f -> !f.literal() && f.kind() == Kind.OPEN)) {
            return Optional.empty();
        }
        return spelledPath(code, inv, SecretFiles::isSecret).map(candidate -> CredentialRecognizer.secretFile(inv, candidate));
    }

    /**
     * The first path a string literal of {@code code} spells that {@code wanted} accepts, taken as given (resolved in the
     * workspace) or under the home directory ({@code '/.npmrc'} after {@code process.env.HOME +}).
     */
    private static Optional<String> spelledPath(String code, Invocation inv, java.util.function.Predicate<String> wanted) {
        java.util.regex.Matcher m = LITERAL_PATH.matcher(code);
        String home = inv.workspace().home();
        while (m.find()) {
            String text = m.group(1) != null ? m.group(1) : m.group(2);
            for (String candidate : List.of(inv.workspace().resolve(text), home + (text.startsWith("/") ? "" : "/") + text)) {
                if (wanted.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern LITERAL_PATH = Pattern.compile("'([^'\\n]*/[^'\\n]*)'|\"([^\"\\n]*/[^\"\\n]*)\"");

    /** Joins argv-style lists back into a command line; single strings are already one. */
    private static String shellLine(List<String> words) {
        if (words.size() == 1) {
            // a part computed at run time is a word the shell analysis cannot resolve
            return words.getFirst().replace(CodeScanner.COMPUTED, "\"$computed_at_run_time\"");
        }
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            // an argument computed at run time is a word the shell analysis cannot resolve
            line.append(w.equals(CodeScanner.COMPUTED) ? "\"$computed_at_run_time\""
                    : Regex.matches(w, "[\\w@%+=:,./~-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
