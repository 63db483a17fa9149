package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Kind;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import dev.interlock.analysis.shell.recognizers.filesystem.FileTarget;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.analysis.shell.recognizers.network.SecretEndpoints;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline interpreter code, judged by what it calls: literal shell commands (as shell), deletes and writes of
 * literal paths, cloud/Kubernetes/database SDK calls (as their CLI equivalents), secrets read and sent, and constructs
 * that hide what runs (opaque). Eval'd literals are followed a few levels deep.
 */
final class InlineCode {

    private InlineCode() {
    }

    private static final Pattern RECURSIVE = Pattern.compile("recursive\\s*[:=]\\s*(?:true|TRUE|T)\\b|-Recurse|force\\s*:\\s*true");
    private static final int MAX_DEPTH = 3;

    /** {@code seen} spans eval'd literals too: their calls were already found when scanning the outer text. */
    static List<Operation> code(String code, Language language, Invocation inv, Nested nested, int depth,
                                        Set<String> seen) {
        List<Operation> ops = new ArrayList<>();
        if (depth == 0) {
            code = LiteralEvaluations.inlined(CodeAliases.canonical(code, language), language);
            CodeScanner.dynamic(code, language).ifPresent(what -> ops.add(LocalFiles.opaque(inv, inv.program() + " code " + what)));
            ops.addAll(sdk(code, language, inv, nested));
            ops.addAll(BrowserScripts.in(code, inv));
            for (String line : MailCalls.commandLines(code, language)) {
                // judged as the swaks command that sends the same mail
                for (Operation op : nested.shell(line, inv)) {
                    ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                            + "from " + inv.program() + " code, as `" + line + "`").build());
                }
            }
            for (String line : ProcessSignals.commandLines(code)) {
                // judged as the kill command that stops the same processes
                for (Operation op : nested.shell(line, inv)) {
                    ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                            + "from " + inv.program() + " code that signals every process, as `" + line + "`").build());
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
                for (String csharp : TypeDefinitions.in(code)) {
                    ops.addAll(code(csharp, Language.CSHARP, inv, nested, 0, seen));
                }
                code = PowerShellCode.judged(code, inv, nested, ops);
            }
        }
        List<CodeScanner.Found> found = CodeScanner.scan(code, language);
        if (depth == 0) {
            CodeSecrets.protectedPathInComputedWrite(code, found, inv).ifPresent(ops::add);
            CodeSecrets.secretPathInComputedRead(code, found, inv).ifPresent(ops::add);
            ops.addAll(StoredSecretCalls.in(code, language, inv));
            boolean printsResult = inv.words().contains("-p") || inv.words().contains("--print"); // node -p, deno eval -p
            CodeSecrets.printedSecretVariables(code, printsResult).forEach(name -> ops.add(
                    CredentialRecognizer.secretVariable(inv, name)));
            if ((printsResult || CodeSecrets.PRINTS.matcher(code).find()) && CodeSecrets.WHOLE_ENVIRONMENT.matcher(code).find()) {
                ops.add(CredentialRecognizer.secretVariable(inv, ""));
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
                    Optional<GlobLoops.Walk> walk = f.literal() ? Optional.empty() : GlobLoops.deleted(code, f.tail(), language);
                    if (f.literal()) {
                        ops.add(LocalFiles.delete(inv, f.literals().getFirst(), recursive, Confidence.EXACT,
                                f.what() + " deletes " + f.literals().getFirst()));
                    } else if (walk.isPresent()) {
                        // as rm -rf ROOT would be for a glob that walks a tree, rm PATTERN for one directory's matches
                        boolean tree = walk.get().recursive();
                        ops.add(LocalFiles.delete(inv, tree ? walk.get().root() : walk.get().pattern(), tree || recursive,
                                Confidence.INFERRED, f.what() + " deletes what " + walk.get().pattern() + " matches"));
                    } else {
                        ops.add(LocalFiles.delete(inv, "", recursive, Confidence.INFERRED,
                                f.what() + " deletes a path computed at run time"));
                    }
                }
                case TRUNCATE -> {
                    // File.truncate('/var/log/audit/audit.log', 0) is truncate -s 0 of it, judged as that command is
                    String literal = f.literal() ? f.literals().getFirst() : "";
                    // a home path keeps its ~ outside the quotes, so that the shell analysis expands it
                    String path = !f.literal() ? "\"$computed_at_run_time\"" : literal.startsWith("~/")
                            ? "~/" + Arg.of(literal.substring(2)).shellText() : Arg.of(literal).shellText();
                    for (Operation op : nested.shell("truncate -s " + truncatedSize(f.tail()) + " -- " + path, inv)) {
                        ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                                + "from " + f.what() + " in " + inv.program() + " code").build());
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
                    if (language == Language.PERL && f.literal()) {
                        // Perl's two-argument open carries its mode in the path: "<key" reads, ">out" or "cmd|" do not
                        String path = f.literals().getFirst().strip();
                        if (!path.startsWith(">") && !path.startsWith("|") && !path.endsWith("|")
                                && SecretFiles.isSecret(inv.workspace().resolve(Regex.replaceFirst(path, "^\\+?<\\s*", "")))) {
                            ops.add(CredentialRecognizer.secretFile(inv, Regex.replaceFirst(path, "^\\+?<\\s*", "")));
                        }
                        continue;
                    }
                    boolean writes = f.literals().size() > 1 && Regex.matches(f.literals().get(1), "[rbt]*[wax+][bt+]*");
                    if (f.literal() && writes) {
                        ops.add(SelfProtectionRecognizer.write(inv, f.literals().getFirst(), "writes"));
                    } else if (f.literal() && SecretFiles.isSecret(inv.workspace().resolve(f.literals().getFirst()))) {
                        ops.add(CredentialRecognizer.secretFile(inv, f.literals().getFirst()));
                    }
                }
                case HTTP -> {
                    if (!f.what().equals("GET")) {
                        ops.add(NetworkRecognizer.request(inv, f.literal() ? f.literals().getFirst() : "", f.what(),
                                f.what() + " request from " + inv.program() + " code"));
                    } else if (f.literal()) {
                        SecretEndpoints.read(inv, f.literals().getFirst(), "GET", false).ifPresent(ops::add);
                    }
                }
                case WRITE -> {
                    // a URL (s3://, hf://) is no file here: the SDK readers judge where it goes
                    if (f.literal() && !f.literals().getFirst().contains("://")) {
                        ops.add(SelfProtectionRecognizer.write(inv, f.literals().getFirst(), "writes"));
                    }
                }
            }
        }
        if (depth == 0) {
            secretsSent(ops, found, inv).ifPresent(ops::add);
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
        List<FileTarget> targets = deletes.stream()
                .map(op -> FileTarget.of(Arg.of(op.resource().name()), inv)).toList();
        if (!FileTarget.clearedTogether(targets)) {
            return ops;
        }
        return ops.stream().map(op -> deletes.contains(op) && op.stateful()
                ? op.toBuilder().stateful(false).reversible(true).note(op.note() + "; build output cleared with the rest of the build").build()
                : op).toList();
    }

    private static final Pattern LENGTH = Pattern.compile("^\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[^,]*)\\s*,\\s*([^,)\\s]+)");

    /**
     * The {@code truncate -s} size for the call's length argument: none (Node's default) or {@code 0} empties the file,
     * another number keeps that much, a length computed at run time may cut the end.
     */
    private static String truncatedSize(String tail) {
        java.util.regex.Matcher m = LENGTH.matcher(tail.startsWith("(") ? tail.substring(1) : tail);
        if (!m.find()) {
            return "0";
        }
        String length = m.group(1);
        return Regex.matches(length, "\\d+") ? length : "'<0'";
    }

    /** AppleScript's {@code do shell script "…" with administrator privileges}, on the same line as the call. */
    private static final Pattern AS_ADMINISTRATOR = Pattern.compile("\\bwith administrator privileges\\b");

    /**
     * Code that reads a secret and sends a request body somewhere sends the secret: {@code urlopen(url, data=open(key).read())};
     * so does code that reads one and opens a raw socket to another host ({@code IO::Socket::INET->new("h:443")}).
     */
    private static Optional<Operation> secretsSent(List<Operation> ops, List<CodeScanner.Found> found, Invocation inv) {
        Optional<Operation> secret = ops.stream().filter(op -> op.verb() == Verb.CREDENTIAL).findFirst();
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> host = ops.stream()
                .filter(op -> op.system().equals("http") && (op.verb() == Verb.CREATE || op.verb() == Verb.UPDATE)).findFirst()
                .map(op -> op.resource().locators().getOrDefault("host", ""));
        if (host.isEmpty()) {
            host = found.stream().filter(f -> f.kind() == Kind.SOCKET).map(InlineCode::socketHost)
                    .filter(h -> !dev.interlock.environment.Hosts.loopback(h)).findFirst();
        }
        return host.map(h -> NetworkRecognizer.exfiltration("credentials", secret.get().resource().name(), h, inv.evidence(), Map.of()));
    }

    private static final Pattern PEER = Pattern.compile("Peer(?:Addr|Host)\\s*=>\\s*['\"]([^'\"]+)['\"]");

    /** The host a socket call names: its first literal ({@code "h:443"}, {@code ("h", 443)}) or Perl's {@code PeerAddr => "h"}; empty when computed. */
    private static String socketHost(CodeScanner.Found f) {
        Matcher peer = PEER.matcher(f.tail());
        String host = peer.find() ? peer.group(1) : f.literal() ? f.literals().getFirst() : "";
        return Regex.replaceFirst(host, ":\\d+$", "");
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
                Operation.Builder b = op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                        + "from " + inv.program() + " code, as `" + line + "`");
                found.placed().getOrDefault(line, Map.of()).forEach(b::locator);
                ops.add(b.build());
            }
        }
        for (SdkCalls.Generic g : found.generic()) {
            boolean loses = g.verb() == Verb.DELETE;
            Operation.Builder b = Operation.builder(g.system(), g.verb()).resource(g.type(), g.name())
                    .confidence(Confidence.INFERRED).stateful(loses).reversible(!loses)
                    .scope(g.many() && g.type().equals("tables") ? Scope.ALL
                            : g.many() ? Scope.MANY : Scope.ONE)
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
        Map<String, String> out = new LinkedHashMap<>();
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
