package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Kind;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in inline code: secret-named variables printed, the whole environment printed, and computed paths that
 * spell out a secret file (read) or the guard's own configuration (written).
 */
final class CodeSecrets {

    private CodeSecrets() {
    }

    /** Reading an environment variable in code: os.environ['X'], os.getenv("X"), process.env.X, ENV['X'], $ENV{X}, getenv('X'). */
    static final Pattern ENV_READ = Pattern.compile(
            "(?:environ(?:\\.get)?\\s*[\\[(]\\s*|getenv\\s*\\(\\s*|ENV(?:\\.fetch)?\\s*[\\[(]\\s*|ENV\\{\\s*)['\"]?([A-Za-z_][A-Za-z0-9_]*)"
            + "|process\\.env(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*['\"]([A-Za-z_][A-Za-z0-9_]*))");
    /**
     * The whole environment as a value (printed, it shows every token): {@code print(os.environ)}, {@code dict(os.environ)},
     * {@code console.log(process.env)}, {@code JSON.stringify(process.env)}, {@code p ENV}, {@code ENV.to_h}, {@code %ENV},
     * {@code getenv()}, {@code $_ENV}. Its names alone ({@code os.environ.keys()}, {@code Object.keys(process.env)}) are not secrets.
     */
    static final Pattern WHOLE_ENVIRONMENT = Pattern.compile(
            "os\\.environ\\s*(?:[),;]|$|\\.(?:items|copy|values)\\s*\\()|os\\.environ\\s*\\)|(?<!keys\\()\\bprocess\\.env\\s*(?:[),;]|$)"
            + "|Object\\.(?:entries|values)\\s*\\(\\s*process\\.env|\\bENV\\.(?:to_h|to_a|to_hash|inspect|each|map)\\b|\\b(?:p|pp|puts)\\s+ENV\\s*(?:$|;)"
            + "|%ENV\\b|\\bgetenv\\s*\\(\\s*\\)|\\$_ENV\\s*[),;]|\\$_SERVER\\s*[),;]|\\benviron\\s*\\(\\s*\\)");

    /** Output calls of the interpreters: what they print lands in the agent's transcript. */
    static final Pattern PRINTS = Pattern.compile(
            "\\bprint\\s*\\(|\\bprint\\s+|console\\.(?:log|info|error|warn|dir)\\s*\\(|\\bputs\\b|\\bp\\s+ENV|\\becho\\b|\\bprintf\\b"
            + "|\\bsay\\b|stdout\\.write|\\bpprint\\b|\\bvar_dump\\b|\\bprint_r\\b|\\bWrite-(?:Host|Output)\\b");

    /**
     * {@code python -c "import os; print(os.environ['GITHUB_TOKEN'])"}: one-liner code that prints output and reads a
     * secret-looking variable shows the secret, as {@code echo $GITHUB_TOKEN} does.
     */
    static List<String> printedSecretVariables(String code, boolean printsResult) {
        if (!printsResult && !PRINTS.matcher(code).find()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher m = ENV_READ.matcher(code);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (name != null && CredentialRecognizer.secretName(name) && !names.contains(name) && !sentAsCredential(code, m.start())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Just before a value: an {@code Authorization} header, a bearer token or an API key header being built. */
    private static final Pattern CREDENTIAL_USE = Pattern.compile("(?i)(?:authorization|bearer|x-api-key|api-key|apikey|private-token"
            + "|x-auth-token)['\"]?\\s*[:=,+]?\\s*(?:[`'\"][^`'\"\\n]{0,20}[`'\"]\\s*\\+?\\s*|\\$?\\{\\s*)?(?:\\w+\\.)?$");
    /**
     * A client handed its credential: a keyword or object argument named for one ({@code WebClient(token=…)},
     * {@code new Client({auth: …})}) or the first argument of a constructor ({@code new WebClient(process.env.SLACK_TOKEN)}).
     */
    private static final Pattern CLIENT_ARGUMENT = Pattern.compile("(?:\\b\\w*(?i:token|auth|key|secret|passw|credential)\\w*['\"]?\\s*[=:]\\s*"
            + "|\\b(?:new\\s+)?[A-Z]\\w*\\(\\s*)(?:\\w+\\.)?$");
    /**
     * A client's or SDK's credential setting assigned the value ({@code a.client.xapikey = os.environ['ADYEN_API_KEY']},
     * {@code stripe.api_key = …}): the key configured for the calls that follow, shown only if the setting is read again.
     */
    private static final Pattern CLIENT_SETTING = Pattern.compile("\\b(\\w+(?:\\.\\w+)*\\.\\w*(?i:token|auth|key|secret|passw|credential)\\w*)"
            + "\\s*=\\s*(?:\\w+\\.)?$");
    /** The call a value is an argument of, when that call prints. */
    private static final Pattern PRINT_CALL = Pattern.compile("(?:\\bprint|console\\.(?:log|info|error|warn|dir)|\\bputs|\\bprintf|\\bpprint"
            + "|stdout\\.write|\\bsay|\\bp)\\s*$");

    /**
     * {@code fetch(url, {headers: {Authorization: 'Bearer ' + process.env.GRAPH_TOKEN}})}: the variable is read into a
     * request's credential header, which is how a token is used, not shown; printing the response afterwards does not print
     * it; so is a client constructed with it ({@code WebClient(token=os.environ['SLACK_BOT_TOKEN'])}), whose results printed
     * are the service's data. Where it is sent is judged apart (a request catcher's host is a transfer). Inside a print call
     * it is still printed.
     */
    private static boolean sentAsCredential(String code, int read) {
        int from = Math.max(0, read - 60);
        String before = code.substring(from, read);
        Matcher configured = CLIENT_SETTING.matcher(before);
        if (configured.find() && !code.substring(read).contains(configured.group(1))) {
            return true;
        }
        if (!CREDENTIAL_USE.matcher(before).find() && !CLIENT_ARGUMENT.matcher(before).find()) {
            return false;
        }
        int depth = 0;
        boolean inCall = false;
        for (int i = read - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth > 0) {
                depth--;
            } else if (c == '(') {
                // any enclosing print prints what its argument yields, which Interlock does not follow:
                // print(requests.get(…, headers=…).status_code) is taken to print the token
                if (PRINT_CALL.matcher(code.substring(Math.max(0, i - 20), i)).find()) {
                    return false;
                }
                inCall = true;
            }
        }
        return inCall; // a header built apart may be printed apart: print(headers)
    }

    /**
     * {@code fs.writeFileSync(process.env.HOME + '/.claude/settings.json', …)}: a write whose path is computed, in code
     * that spells out a piece of Interlock's or an agent's guard configuration, is taken to write it.
     */
    static Optional<Operation> protectedPathInComputedWrite(String code, List<CodeScanner.Found> found, Invocation inv) {
        boolean computedWrite = found.stream().anyMatch(f -> !f.literal() && (f.kind() == Kind.WRITE || f.kind() == Kind.OPEN
                || f.kind() == Kind.DELETE || f.kind() == Kind.DELETE_TREE || f.kind() == Kind.DELETE_MAYBE_TREE
                || f.kind() == Kind.TRUNCATE));
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
    static Optional<Operation> secretPathInComputedRead(String code, List<CodeScanner.Found> found, Invocation inv) {
        if (found.stream().noneMatch(f -> !f.literal() && f.kind() == Kind.OPEN)) {
            return Optional.empty();
        }
        return spelledPath(code, inv, SecretFiles::isSecret).map(candidate -> CredentialRecognizer.secretFile(inv, candidate));
    }

    /**
     * The first path a string literal of {@code code} spells that {@code wanted} accepts, taken as given (resolved in the
     * workspace) or under the home directory ({@code '/.npmrc'} after {@code process.env.HOME +}).
     */
    private static Optional<String> spelledPath(String code, Invocation inv, Predicate<String> wanted) {
        Matcher m = LITERAL_PATH.matcher(code);
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
}
