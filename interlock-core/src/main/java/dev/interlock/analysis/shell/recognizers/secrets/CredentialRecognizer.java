package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.recognizers.ShellHistory;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading secret material is {@code credential}, not {@code read}: file readers ({@code cat}, {@code grep}, …) on
 * key, credential and dotenv files, sourcing a dotenv file, dumping the environment, and secret stores ({@code vault},
 * {@code op}, {@code security}, {@code pass}, {@code gpg}). Readers of ordinary files produce plain reads, so their
 * arguments (often text that looks like commands) never turn into operations.
 */
public final class CredentialRecognizer implements Recognizer {

    /** Readers whose positionals are all files, with the flags that take a value. */
    private static final Map<String, Set<String>> FILE_READERS = Map.ofEntries(
            Map.entry("cat", Set.of()), Map.entry("tac", Set.of()), Map.entry("nl", Set.of("-w", "-s", "-v", "-i")),
            Map.entry("less", Set.of("-x", "-p")), Map.entry("more", Set.of()), Map.entry("view", Set.of()),
            Map.entry("head", Set.of("-n", "-c", "--lines", "--bytes")), Map.entry("tail", Set.of("-n", "-c", "--lines", "--bytes", "-s")),
            Map.entry("bat", Set.of("-l", "--language", "-r", "--line-range", "--style", "--theme")),
            Map.entry("batcat", Set.of("-l", "--language", "-r", "--line-range", "--style", "--theme")),
            Map.entry("strings", Set.of("-n", "-t", "-e")), Map.entry("xxd", Set.of("-l", "-s", "-c", "-g", "-o")),
            Map.entry("od", Set.of("-A", "-t", "-N", "-j", "-w")), Map.entry("hexdump", Set.of("-n", "-s", "-e")),
            Map.entry("base64", Set.of("-w", "--wrap")));
    /** Readers whose first positional is a pattern or program unless a flag supplies it. */
    private static final Map<String, Set<String>> PATTERN_READERS = Map.ofEntries(
            Map.entry("grep", grepFlags()), Map.entry("egrep", grepFlags()), Map.entry("fgrep", grepFlags()),
            Map.entry("rg", grepFlags()), Map.entry("ag", grepFlags()), Map.entry("ack", grepFlags()),
            Map.entry("awk", Set.of("-F", "-v", "-f")), Map.entry("gawk", Set.of("-F", "-v", "-f")), Map.entry("mawk", Set.of("-F", "-v", "-f")),
            Map.entry("jq", Set.of("-f", "--from-file", "--arg", "--argjson", "--indent")),
            Map.entry("yq", Set.of("-f", "--from-file", "-o", "--output-format")));
    private static final Set<String> PATTERN_FROM_FLAG = Set.of("-e", "-f", "--regexp", "--file", "--from-file");
    /** Directories whose whole content is secret ({@code grep -r token ~/.aws}). */
    private static final Pattern SECRET_DIRS = Pattern.compile(
            ".*/\\.(aws|ssh|kube|docker|gnupg|azure|password-store|okta|keycloak|tsh)|.*/\\.config/(gcloud|gh|op|borg/keys)|/etc/ssl/private"
                    // a browser's or Electron app's stored sessions: grep -r token '~/.config/discord/Local Storage'
                    + "|.*/Local Storage(/leveldb)?|.*/\\.mozilla/firefox/(?!profiles\\.ini$|installs\\.ini$)[^/]+");
    /** Patterns that search for private keys and cloud secrets rather than for text. */
    private static final Pattern KEY_MATERIAL = Pattern.compile(
            "(?i)PRIVATE KEY|BEGIN (RSA|OPENSSH|EC|DSA|PGP|ENCRYPTED)|aws_secret_access_key|AKIA\\[?|ghp_|xox[bp]-|sk_live_|-----BEGIN");
    /** Search patterns that name where settings keep a secret: {@code access-tokens}, {@code api_key}, {@code password}. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)token|secret|passw|api.{0,8}key|credential|private.{0,3}key|access.{0,3}key|bearer");
    /** {@code PASS} counts as a whole word only ({@code MB_DB_PASS}, {@code REDIS_PASS}): {@code BYPASS_CACHE} is no password. */
    private static final Pattern SECRET_VARIABLE = Pattern.compile("(?i).*(secret|token|passw|passphrase|pwd|api_?key|private|credential|auth).*"
            + "|(?i)(.*_)?pass(_.*)?");
    private static final Pattern EXPANSION = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    /** The secret-looking variables an argument expands ({@code echo $AWS_SECRET_ACCESS_KEY}); PWD is not a password. */
    public static List<String> secretVariables(Arg arg) {
        List<String> names = new ArrayList<>();
        if (!arg.literal()) {
            java.util.regex.Matcher m = EXPANSION.matcher(arg.value());
            while (m.find()) {
                String name = m.group(1);
                if (secretName(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * A data store's connection string ({@code DATABASE_URL}, {@code REDIS_URL}, {@code MONGODB_URI}): it carries the
     * store's password, so printing it is printing a secret (on a production machine, production's).
     */
    private static final Pattern CONNECTION_STRING = Pattern.compile(
            "(?i)(?:\\w+_)?(?:database|db|postgres(?:ql)?|pg|mysql|mariadb|mongo(?:db)?|redis|amqp|rabbitmq|cloudamqp|broker|celery_broker)_(?:url|uri|dsn)");

    static boolean connectionString(String name) {
        return name.length() < 64 && name.indexOf('_') > 0 && CONNECTION_STRING.matcher(name).matches();
    }

    public static boolean secretName(String name) {
        return SECRET_VARIABLE.matcher(name).matches() && !name.equals("PWD") && !name.equals("OLDPWD");
    }

    /** Printing a secret variable's value (every variable's, when {@code name} is empty). */
    public static Operation secretVariable(Invocation inv, String name) {
        return LocalFiles.local(inv, Operation.builder("process", Verb.CREDENTIAL).resource("environment", name)
                .evidence(inv.evidence()).note(name.isEmpty() ? "prints every environment variable, secrets included"
                        : "prints the secret variable " + name), "the shell's own environment").build();
    }

    private static Set<String> grepFlags() {
        return Set.of("-e", "-f", "-m", "-A", "-B", "-C", "--include", "--exclude", "--exclude-dir", "-g", "--glob",
                "-t", "--type", "-T", "--type-not", "--max-count", "--regexp", "--file", "-d", "-D", "--context");
    }

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(FILE_READERS.keySet());
        all.addAll(PATTERN_READERS.keySet());
        all.addAll(Set.of("source", ".", "printenv", "env", "export", "set", "declare", "typeset", "vault", "op", "security", "secret-tool", "sops", "ansible-vault", "age",
                "pass", "gopass", "kwallet-query", "gpg", "gpg2", "kubeseal", "direnv", "gpgconf", "gpg-connect-agent", "git-crypt"));
        all.addAll(SecretManagers.programs());
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        if (FILE_READERS.containsKey(program)) {
            // a pager's +cmd is a start-up command (less +F), not a file
            return reads(inv, inv.parse(FILE_READERS.get(program)).positionals().stream()
                    .filter(a -> !(a.value().startsWith("+") && (program.equals("less") || program.equals("more")))).toList(), program);
        }
        if (PATTERN_READERS.containsKey(program)) {
            List<Operation> rewritten = program.equals("yq")
                    ? dev.interlock.analysis.shell.recognizers.editing.InPlaceEdits.yq(inv) : List.of();
            if (!rewritten.isEmpty()) {
                return rewritten;
            }
            ParsedArgs parsed = inv.parse(PATTERN_READERS.get(program));
            List<Arg> files = new ArrayList<>(parsed.positionals());
            files.addAll(parsed.afterDoubleDash());
            Optional<String> pattern = parsed.value(PATTERN_FROM_FLAG.toArray(String[]::new));
            if (!parsed.has(PATTERN_FROM_FLAG.toArray(String[]::new)) && !files.isEmpty()) {
                pattern = Optional.of(files.removeFirst().value());
            }
            List<Operation> ops = reads(inv, files, program);
            Optional<Arg> tree = pattern.isPresent() && ops.stream().noneMatch(o -> o.verb() == Verb.CREDENTIAL)
                    && SECRET_KEY.matcher(pattern.get()).find() ? configTree(inv, parsed, files) : Optional.empty();
            if (tree.isPresent()) {
                // grep -r access-tokens ~/.config/: a search for secret-named keys through the machine's or the user's
                // settings prints the values stored beside them
                return List.of(LocalFiles.on(inv, Verb.CREDENTIAL, "search", tree.get().value()).scope(dev.interlock.model.Scope.MANY)
                        .note("searches configuration files for secret-named keys (" + pattern.get() + ") and prints their values").build());
            }
            Optional<Arg> config = pattern.isPresent() && ops.stream().noneMatch(o -> o.verb() == Verb.CREDENTIAL)
                    && SECRET_KEY.matcher(pattern.get()).find() && !parsed.has(ConfigSecrets.NO_LINES.toArray(String[]::new))
                    ? files.stream().filter(f -> ConfigSecrets.holdsSecrets(f.value())).findFirst() : Optional.empty();
            if (config.isPresent()) {
                // grep -i password /opt/mirthconnect/conf/mirth.properties: the lines it prints are the credentials
                return List.of(LocalFiles.on(inv, Verb.CREDENTIAL, "search", config.get().value())
                        .note("searches a configuration file for secret-named keys (" + pattern.get() + ") and prints their values").build());
            }
            if (pattern.isPresent() && KEY_MATERIAL.matcher(pattern.get()).find() && ops.stream().noneMatch(o -> o.verb() == Verb.CREDENTIAL)) {
                // grep -r 'BEGIN RSA PRIVATE KEY' ~: a search for key material prints whatever keys it finds.
                return List.of(LocalFiles.on(inv, Verb.CREDENTIAL, "search", files.isEmpty() ? "" : files.getFirst().value())
                        .scope(dev.interlock.model.Scope.MANY).note("searches for key material (" + pattern.get() + ") and prints it").build());
            }
            return ops;
        }
        return switch (program) {
            case "source", "." -> source(inv);
            case "set" -> ShellHistory.erases(inv) ? List.of(ShellHistory.operation(inv)) : environment(inv);
            case "printenv", "env", "export", "declare", "typeset" -> environment(inv);
            case "kubeseal" -> Kubeseal.recognize(inv);
            case "direnv" -> Direnv.recognize(inv);
            case "gpgconf", "gpg-connect-agent" -> GpgAgent.recognize(inv);
            default -> SecretManagers.programs().contains(program) ? SecretManagers.recognize(inv) : SecretStores.recognize(inv);
        };
    }

    /**
     * The settings tree a search runs through: the home directory, one of its dot-directories or anything below one
     * ({@code ~/.config/}), or {@code /etc}, searched recursively. The checkout's own files are code, not settings.
     */
    private static Optional<Arg> configTree(Invocation inv, ParsedArgs parsed, List<Arg> files) {
        boolean recursive = !inv.program().endsWith("grep") || parsed.has("-r", "-R", "--recursive", "--dereference-recursive")
                || parsed.value("-d").filter(v -> v.equals("recurse")).isPresent();
        if (!recursive) {
            return Optional.empty();
        }
        String home = inv.workspace().home() == null ? "" : inv.workspace().home();
        for (Arg file : files) {
            String path = inv.workspace().resolve(file.value());
            boolean settings = !home.isEmpty() && (path.equals(home) || path.startsWith(home + "/."))
                    || path.equals("/etc") || path.startsWith("/etc/") || path.equals("/root") || path.startsWith("/root/.");
            if (settings) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** A credential operation for reading the secret file at {@code path}. */
    public static Operation secretFile(Invocation inv, String path) {
        if (SelfProtection.isProtectedPath(path, inv.workspace())) {
            // Interlock's own tokens: whoever reads them can approve, mint tokens or change policy.
            return LocalFiles.on(inv, Verb.CREDENTIAL, "file", path).system("interlock")
                    .note("reads Interlock's tokens or data (" + LocalFiles.basename(path) + ")").build();
        }
        return LocalFiles.on(inv, Verb.CREDENTIAL, "file", path)
                .note("reads secret material (" + LocalFiles.basename(path) + ")")
                .build();
    }

    /** True when reading {@code arg} reads secrets (a secret file, a glob over them, or a secret directory). */
    public static boolean secret(Invocation inv, Arg arg) {
        String resolved = inv.workspace().resolve(arg.value());
        if (SecretFiles.isSecret(resolved) || SECRET_DIRS.matcher(resolved).matches() || SecretFileVariables.named(inv, arg, resolved)) {
            return true;
        }
        return arg.glob() && LocalFiles.basename(arg.value()).startsWith(".env");
    }

    /** Plain reads of ordinary files, credential operations for secret ones. */
    public static List<Operation> reads(Invocation inv, List<Arg> files, String program) {
        List<Operation> ops = new ArrayList<>();
        for (Arg file : files) {
            if (file.value().equals("-") || Regex.matches(file.value(), "[-+]\\d+")) {
                // stdin, or head -5 / tail +3 line counts
                continue;
            }
            if (secret(inv, file)) {
                ops.add(secretFile(inv, file.value()));
            } else {
                Operation read = LocalFiles.read(inv, file.value());
                ops.add(file.literal() ? read : read.toBuilder().confidence(dev.interlock.model.Confidence.INFERRED).build());
            }
        }
        if (ops.isEmpty()) {
            ops.add(LocalFiles.on(inv, Verb.READ, "stdin", "").note(program + " reads its input").build());
        }
        return ops;
    }

    /** {@code source .env} loads secrets into the shell; sourcing a script (an activate script, an rc file) runs it. */
    private static List<Operation> source(Invocation inv) {
        if (inv.args().isEmpty()) {
            return List.of(LocalFiles.execute(inv, inv.program(), "sources nothing"));
        }
        Arg file = inv.args().getFirst();
        if (secret(inv, file)) {
            return List.of(secretFile(inv, file.value()));
        }
        return List.of(LocalFiles.execute(inv, file.value(), "runs a shell script in the current shell"));
    }

    /** {@code printenv}, {@code env}, {@code export -p} and {@code set} alone dump every variable, tokens included. */
    private static List<Operation> environment(Invocation inv) {
        List<String> words = inv.words();
        boolean dump = switch (inv.program()) {
            case "printenv", "env" -> words.stream().allMatch(w -> w.startsWith("-"));
            case "export" -> words.isEmpty() || words.equals(List.of("-p"));
            case "declare", "typeset" -> words.isEmpty() || words.stream().allMatch(w -> Regex.matches(w, "-[pxgr]+"));
            default -> words.isEmpty() || words.equals(List.of("-o", "posix")) || words.equals(List.of("--"));
        };
        if (dump) {
            return List.of(LocalFiles.local(inv, Operation.builder("process", Verb.CREDENTIAL)
                    .resource("environment", "")
                    .evidence(inv.evidence())
                    .note("prints every environment variable, secrets included"), "the shell's own environment").build());
        }
        if (inv.program().equals("printenv")) {
            List<Operation> ops = new ArrayList<>();
            for (String name : words) {
                Verb verb = secretName(name) || connectionString(name) ? Verb.CREDENTIAL : Verb.READ;
                ops.add(LocalFiles.local(inv, Operation.builder("process", verb).resource("environment", name)
                        .evidence(inv.evidence()), "the shell's own environment").build());
            }
            return ops;
        }
        return List.of(LocalFiles.execute(inv, inv.program(), "sets shell variables or options"));
    }
}
