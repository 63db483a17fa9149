package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Word;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Data that flows to another host: a pipeline whose earlier stages read secrets, dump a database or archive a tree,
 * and whose later stage sends its input off this machine ({@code cat ~/.aws/credentials | curl -d @- …},
 * {@code pg_dump app | curl -T - …}, {@code tar cz ~ | nc …}), or a network command given a secret in an argument
 * ({@code curl -d "$(cat ~/.ssh/id_rsa)" …}). The flow is a {@code transfer} of what it carries; secrets leaving are
 * never routine.
 */
final class Flows {

    /** What a stream carries: the resource type of the transfer ({@code credentials}, {@code database-dump}, {@code archive}) and what. */
    record Cargo(String type, String what) {
    }

    private static final Set<String> DUMPERS = Set.of("pg_dump", "pg_dumpall", "mysqldump", "mariadb-dump", "mongodump",
            "mongoexport", "sqlite3", "etcdctl", "redis-cli", "influxd", "cqlsh");
    private static final Set<String> ARCHIVERS = Set.of("tar", "zip", "7z", "7za", "bsdtar", "cpio", "pax", "git");
    private static final Set<String> SENDERS = Set.of("curl", "wget", "http", "https", "xh", "xhs", "nc", "ncat", "netcat",
            "socat", "telnet", "ssh", "openssl", "gh", "aws", "gsutil", "rclone", "mail", "mailx", "sendmail", "mutt");

    private Flows() {
    }

    /** What the output of {@code stage} carries, judged from what it did ({@code produced}) and what it is. */
    static Optional<Cargo> carried(Command stage, List<Operation> produced, ShellWalk walk) {
        for (Operation op : produced) {
            if (op.verb() == Verb.CREDENTIAL || dev.interlock.analysis.shell.recognizers.security.SecretFindings.printed(op)) {
                return Optional.of(new Cargo("credentials", SecretOutputs.what(op)));
            }
        }
        List<String> words = words(stage, walk);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (program(words).equals("ssh")) {
            // ssh host 'tar czf - /etc/ssl': the stream is what the remote command writes
            List<String> remote = remoteWords(words);
            for (Operation op : produced) {
                if (!op.resource().locator("copies-data").isEmpty()) {
                    return Optional.of(new Cargo("database-dump", "a dump made by " + String.join(" ", remote) + " on " + op.resource().locator("host")));
                }
            }
            return remote.isEmpty() ? Optional.empty() : cargo(remote, walk).map(c -> new Cargo(c.type(), c.what() + " on a host reached by ssh"));
        }
        return cargo(words, walk);
    }

    private static final Set<String> SSH_VALUED = Set.of("-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l",
            "-m", "-O", "-o", "-p", "-Q", "-R", "-S", "-W", "-w", "-B", "-P");

    /** The words of the command ssh runs on its host, split as the remote shell splits them; empty for a login. */
    private static List<String> remoteWords(List<String> words) {
        int i = 1;
        while (i < words.size() && words.get(i).startsWith("-")) {
            i += SSH_VALUED.contains(words.get(i)) ? 2 : 1;
        }
        if (i + 1 >= words.size()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String w : words.subList(i + 1, words.size())) {
            for (String part : w.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        int start = 0;
        while (start < out.size() && Set.of("sudo", "env", "nohup", "time", "command", "exec").contains(out.get(start))) {
            start++;
        }
        return out.subList(start, out.size());
    }

    private static Optional<Cargo> cargo(List<String> words, ShellWalk walk) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String program = program(words);
        if (history(program, words, walk)) {
            return Optional.of(new Cargo("credentials", "the shell history (" + String.join(" ", words)
                    + "), where tokens and passwords typed on command lines stay"));
        }
        if (DUMPERS.contains(program) && dumps(program, words)) {
            return Optional.of(new Cargo("database-dump", "a dump made by " + String.join(" ", words)));
        }
        if (ARCHIVERS.contains(program) && archivesToStdout(program, words)) {
            return Optional.of(new Cargo("archive", "an archive made by " + String.join(" ", words)));
        }
        return Optional.empty();
    }

    private static final Set<String> PRINTERS = Set.of("cat", "tac", "tail", "head", "strings", "less", "more", "nl", "cut",
            "sort", "uniq", "base64", "gzip", "xxd", "od");

    /** {@code history}, {@code fc -l}, or a printer of a history file: the stage's output is the history. */
    private static boolean history(String program, List<String> words, ShellWalk walk) {
        if (program.equals("history") || program.equals("fc") && words.contains("-l")) {
            return true;
        }
        return PRINTERS.contains(program) && words.stream().skip(1)
                .anyMatch(w -> dev.interlock.analysis.shell.recognizers.filesystem.FileKind.COMMAND_HISTORY.matches(w, walk.workspace));
    }

    /** The host {@code stage} sends its standard input to, when it does. */
    static Optional<String> sendsInput(Command stage, ShellWalk walk) {
        List<String> words = words(stage, walk);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String program = program(words);
        List<String> args = words.subList(1, words.size());
        boolean sends = switch (program) {
            case "curl" -> args.stream().anyMatch(a -> Regex.matches(a, "@-|.*=@-|.*=<-|-")
                    || Regex.matches(a, "--(data|data-binary|data-urlencode|json|upload-file)=@?-"));
            case "wget" -> args.stream().anyMatch(a -> Regex.matches(a, "--(post|body)-file=(-|/dev/stdin)|/dev/stdin"));
            case "http", "https", "xh", "xhs", "nc", "ncat", "netcat", "socat", "telnet", "ssh", "mail", "mailx", "sendmail", "mutt" -> true;
            case "openssl" -> args.contains("s_client");
            case "gh" -> args.size() >= 2 && args.get(0).equals("gist") && args.get(1).equals("create");
            case "aws", "gsutil" -> args.contains("cp") && args.contains("-");
            case "rclone" -> args.contains("rcat");
            default -> false;
        };
        if (!sends) {
            return Optional.empty();
        }
        String host = host(program, args);
        return Hosts.loopback(host) ? Optional.empty() : Optional.of(host);
    }

    /**
     * The host a query's rows leave for when {@code stage} hands its input to a third party: a paste, file drop or
     * request catcher ({@code transfer.sh}, {@code pastebin.com}), or an upload of standard input as a file
     * ({@code curl -T -}, {@code -F file=@-}, {@code --data-binary @-}). Rows posted to an ordinary API (a count sent to a chat webhook) are not held here.
     */
    static Optional<String> rowsLeave(Command stage, ShellWalk walk) {
        Optional<String> host = sendsInput(stage, walk);
        if (host.isEmpty() || host.get().isEmpty()) {
            return Optional.empty();
        }
        List<String> words = words(stage, walk);
        // uploads of standard input as a file or raw bytes: -T -, -F file=@-, --data-binary @- (not form or JSON fields)
        boolean upload = program(words).equals("curl") && java.util.stream.IntStream.range(1, words.size()).anyMatch(i ->
                Regex.matches(words.get(i), "--(upload-file|data-binary)=@?-|-F.+=[@<]-(;.*)?|--form=.+=[@<]-(;.*)?")
                        || Set.of("-T", "--upload-file").contains(words.get(i - 1)) && words.get(i).equals("-")
                        || words.get(i - 1).equals("--data-binary") && words.get(i).equals("@-")
                        || Set.of("-F", "--form").contains(words.get(i - 1)) && Regex.matches(words.get(i), "[^=]+=[@<]-(;.*)?"));
        return upload || dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer.dropHost(host.get()) ? host : Optional.empty();
    }

    /** Registry and forge logins that read a password or token from standard input. */
    private static final Set<String> LOGINS = Set.of("docker", "podman", "nerdctl", "finch", "buildah", "skopeo", "oras", "crane",
            "regctl", "helm");

    /**
     * {@code docker login --password-stdin}, {@code helm registry login --password-stdin}, {@code gh auth login
     * --with-token}: the stage that consumes a secret from its input as a credential, naming the login.
     */
    static Optional<String> logsInFromStdin(Command stage, ShellWalk walk) {
        List<String> words = words(stage, walk);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String program = program(words);
        boolean login = LOGINS.contains(program) && words.contains("login") && words.contains("--password-stdin")
                || program.equals("gh") && words.contains("auth") && words.contains("login") && words.contains("--with-token");
        return login ? Optional.of(program + " login") : Optional.empty();
    }

    /** Tools whose reads print configuration and state where secrets sit in clear (state files, outputs, chart values). */
    private static final Set<String> SECRET_HOLDERS = Set.of("terraform", "tofu", "terragrunt", "pulumi", "helm", "cdk");
    private static final Set<String> PICKERS = Set.of("jq", "gojq", "jaq", "yq", "jp", "jmespath", "grep", "egrep", "rg", "awk");
    /** A field or key that holds a secret ({@code .db_password.value}, {@code "private_key"}); paging tokens do not. */
    private static final java.util.regex.Pattern SECRET_FIELD = java.util.regex.Pattern.compile(
            "(?i)(?<!next_?|page_?|continuation_?)(password|passwd|secret|token|private_?key|api_?key|access_?key|credential|connection_?string|dsn)");

    /** True for a read by a tool whose output holds secrets in clear ({@code terraform state pull}, {@code helm get values}). */
    static boolean holdsSecrets(Operation read) {
        return read.verb() == Verb.READ && SECRET_HOLDERS.contains(read.system());
    }

    /**
     * {@code terraform state pull | jq '.resources[].instances[].attributes.password'}: a filter that picks a secret's
     * field out of its input; the field it names, or empty.
     */
    static Optional<String> picksSecrets(Command stage, ShellWalk walk) {
        List<String> words = words(stage, walk);
        if (words.isEmpty() || !PICKERS.contains(program(words))) {
            return Optional.empty();
        }
        for (String w : words.subList(1, words.size())) {
            java.util.regex.Matcher m = SECRET_FIELD.matcher(w);
            if (!w.startsWith("-") && m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** A Kubernetes Secret's value fields, base64 in {@code data}, clear in {@code stringData}. */
    private static final java.util.regex.Pattern SECRET_MANIFEST_FIELD = java.util.regex.Pattern.compile("\\.(data|stringData)\\b");

    /**
     * {@code yq '.data.password' k8s/prod/db-secret.yaml}: a jq-like filter that picks a Secret manifest's values or a
     * secret-named field out of the files it reads; the field it names, or empty.
     */
    static Optional<String> picksManifestSecrets(Command stage, ShellWalk walk) {
        List<String> words = words(stage, walk);
        if (words.isEmpty() || !Set.of("yq", "jq", "gojq", "jaq").contains(program(words))) {
            return Optional.empty();
        }
        for (String w : words.subList(1, words.size())) {
            if (!w.startsWith("-") && w.startsWith(".") && (SECRET_MANIFEST_FIELD.matcher(w).find() || SECRET_FIELD.matcher(w).find())) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** {@code base64 -d}: a stage that decodes its input, as a Secret's base64 values are decoded to be read. */
    static boolean decodesInput(Command stage, ShellWalk walk) {
        List<String> words = words(stage, walk);
        return !words.isEmpty() && Set.of("base64", "gbase64", "base32", "basenc").contains(program(words))
                && words.stream().anyMatch(w -> w.equals("--decode") || Regex.matches(w, "-[a-zA-Z]*[dD][a-zA-Z]*"));
    }

    /** A variable's name, as grep is given it to pick one variable out of a dump ({@code ^PATH}, {@code JAVA_HOME=}). */
    private static final java.util.regex.Pattern VARIABLE_NAME = java.util.regex.Pattern.compile("\\^?([A-Za-z_][A-Za-z0-9_]{2,})=?");

    /**
     * {@code env | grep -i ^path}: grep keeps only the lines of the variables it names. When every pattern is a plain
     * everyday variable's name (PATH, JAVA_HOME), what reaches the screen is no secret; {@code -v}, pattern files and
     * regular expressions keep the dump a credential read.
     */
    private static final Set<String> EVERYDAY_VARIABLES = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL",
            "LC_CTYPE", "TERM", "EDITOR", "VISUAL", "PAGER", "PWD", "TZ", "DISPLAY", "HOSTNAME", "JAVA_HOME", "GOPATH", "GOROOT",
            "PYTHONPATH", "VIRTUAL_ENV", "CONDA_DEFAULT_ENV", "NODE_ENV", "LD_LIBRARY_PATH", "MANPATH", "KUBECONFIG",
            "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "CLOUDSDK_CORE_PROJECT", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
            "XDG_RUNTIME_DIR", "PROXY", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "CI", "DEBIAN_FRONTEND", "SSH_AUTH_SOCK");

    /**
     * Prefixes of a language runtime's settings ({@code ^NODE}: NODE_ENV, NODE_OPTIONS, NODE_PATH; {@code ^PYTHON}:
     * PYTHONPATH, PYTHONHASHSEED), anchored at the start of the line: what they pick configures the runtime. Prefixes
     * that also start credentials ({@code ^AWS}, {@code ^NPM}, {@code ^GO}: GOOGLE_API_KEY, {@code ^PIP}: an index URL
     * with a password) are not here.
     */
    private static final Set<String> RUNTIME_PREFIXES = Set.of("NODE", "PYTHON", "JAVA", "JDK", "LC", "XDG", "CONDA",
            "VIRTUAL", "RUST");

    static Optional<String> picksHarmlessVariables(Command stage, ShellWalk walk) {
        List<String> words = words(stage, walk);
        if (words.isEmpty() || !Set.of("grep", "egrep", "fgrep", "rg").contains(program(words))) {
            return Optional.empty();
        }
        List<String> patterns = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-e") || w.equals("--regexp")) {
                if (++i < words.size()) {
                    patterns.add(words.get(i));
                }
            } else if (w.startsWith("--")) {
                if (w.startsWith("--invert") || w.startsWith("--file") || w.startsWith("--regexp=")) {
                    return Optional.empty();
                }
            } else if (w.startsWith("-") && w.length() > 1) {
                if (!Regex.matches(w, "-[iwFxsqnchHoE]+")) {
                    return Optional.empty(); // -v inverts, -f reads patterns, others take values we do not follow
                }
            } else if (patterns.isEmpty() || i > 1 && words.get(i - 1).equals("-e")) {
                patterns.add(w);
            } else {
                return Optional.empty(); // a file to search as well: not a filter of the dump alone
            }
        }
        if (patterns.isEmpty()) {
            return Optional.empty();
        }
        for (String pattern : patterns) {
            for (String name : alternatives(pattern)) {
                java.util.regex.Matcher m = VARIABLE_NAME.matcher(name);
                if (!m.matches() || dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.secretName(m.group(1))) {
                    return Optional.empty();
                }
                // a prefix picks every variable it starts (^AWS: AWS_SECRET_ACCESS_KEY too), and a variable not named as a
                // secret may still hold one (DATABASE_URL): only the everyday variables that hold no secret
                String upper = m.group(1).toUpperCase(java.util.Locale.ROOT);
                if (!EVERYDAY_VARIABLES.contains(upper) && !(name.startsWith("^") && RUNTIME_PREFIXES.contains(upper))) {
                    return Optional.empty();
                }
                // ^NODE also picks NODE_AUTH_TOKEN: a prefix is harmless only while no secret-named variable known here starts with it
                if (!EVERYDAY_VARIABLES.contains(upper) && walk.env.keySet().stream().anyMatch(k -> k.toUpperCase(java.util.Locale.ROOT)
                        .startsWith(upper) && dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.secretName(k))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(program(words) + " " + String.join(" ", patterns));
    }

    /**
     * The names an alternation picks: {@code ^(PATH|SHELL|LANG)=} and {@code PATH\|HOME} pick each of them, as one name
     * does; a pattern with any other regular-expression syntax stays one unmatched piece.
     */
    private static List<String> alternatives(String pattern) {
        if (pattern.indexOf('|') < 0) {
            return List.of(pattern);
        }
        boolean anchored = pattern.startsWith("^");
        boolean assigned = pattern.endsWith("=");
        String body = pattern.substring(anchored ? 1 : 0, assigned ? pattern.length() - 1 : pattern.length());
        if (body.startsWith("(") && body.endsWith(")")) {
            body = body.substring(1, body.length() - 1);
        }
        List<String> names = new ArrayList<>();
        for (String piece : body.split("\\\\?\\|", -1)) {
            names.add((anchored && !piece.startsWith("^") ? "^" : "") + piece + (assigned && !piece.endsWith("=") ? "=" : ""));
        }
        return names;
    }

    /** The host a network command named in its words talks to ({@code curl -d "$(cat key)" https://x}), or empty. */
    static Optional<String> networkCommand(List<Arg> words) {
        if (words.isEmpty() || !words.getFirst().literal()) {
            return Optional.empty();
        }
        List<String> values = words.stream().map(Arg::value).toList();
        String program = program(values);
        if (!SENDERS.contains(program)) {
            return Optional.empty();
        }
        String host = host(program, values.subList(1, values.size()));
        return Hosts.loopback(host) ? Optional.empty() : Optional.of(host);
    }

    private static boolean dumps(String program, List<String> words) {
        return switch (program) {
            case "sqlite3" -> words.stream().anyMatch(w -> w.contains(".dump"));
            case "etcdctl" -> words.contains("snapshot") || words.contains("get") && words.contains("--prefix");
            case "redis-cli" -> words.contains("--rdb");
            case "influxd" -> words.contains("backup");
            case "cqlsh" -> words.stream().anyMatch(w -> w.toUpperCase(java.util.Locale.ROOT).contains("COPY"));
            default -> true;
        };
    }

    private static boolean archivesToStdout(String program, List<String> words) {
        List<String> args = words.subList(1, words.size());
        return switch (program) {
            case "tar", "bsdtar" -> !args.isEmpty() && (Regex.matches(args.getFirst(), "-?[a-zA-Z]*c[a-zA-Z]*")
                    || args.contains("--create") || args.contains("-c"))
                    && (args.stream().noneMatch(a -> Regex.matches(a, "-?[a-zA-Z]*f[a-zA-Z]*|--file(=.*)?"))
                    || args.contains("-") || args.contains("--file=-"));
            case "zip" -> args.contains("-");
            case "7z", "7za" -> args.contains("-so");
            case "cpio", "pax" -> args.contains("-o") || args.contains("-w");
            case "git" -> args.size() >= 3 && args.get(0).equals("bundle") && args.contains("-") || args.contains("archive");
            default -> false;
        };
    }

    private static String host(String program, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.contains("://")) {
                return Hosts.of(a);
            }
            if (a.startsWith("-connect") && i + 1 < args.size()) {
                return Regex.before(args.get(i + 1), ":");
            }
            if (program.equals("socat") && Regex.matches(a, "(?i)(tcp|tcp4|tcp6|openssl|udp|ssl):[^:]+:.*")) {
                return Regex.before(a.substring(a.indexOf(':') + 1), ":");
            }
            if (Set.of("mail", "mailx", "sendmail", "mutt").contains(program) && a.contains("@")) {
                return a.substring(a.indexOf('@') + 1);
            }
        }
        if (Set.of("nc", "ncat", "netcat", "telnet", "ssh").contains(program)) {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("-")) {
                    if (Regex.matches(a, "-[pilFoWJewsx]")) {
                        i++;
                    }
                    continue;
                }
                return a.substring(a.indexOf('@') + 1);
            }
        }
        for (String a : args) {
            if (!a.startsWith("-") && Regex.matches(a, "[\\w.-]+\\.[a-z]{2,}(?::\\d+)?(/.*)?")) {
                return Regex.before(a, "[:/]");
            }
        }
        return "";
    }

    private static String program(List<String> words) {
        String first = words.getFirst();
        return first.substring(first.lastIndexOf('/') + 1);
    }

    private static List<String> words(Command stage, ShellWalk walk) {
        if (!(stage instanceof Command.Simple s)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Word w : s.words()) {
            out.add(walk.value(w).orElse(w.raw()));
        }
        int i = 0;
        while (i < out.size() && Set.of("sudo", "env", "nohup", "time", "command", "exec").contains(out.get(i))) {
            i++;
        }
        return i < out.size() ? out.subList(i, out.size()) : List.of();
    }
}
