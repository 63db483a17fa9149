package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls in SDK-using code that no table accounted for: everything but plain data handling (printing, joining,
 * dictionary and list methods, the standard library), constructors, and functions the code defines itself. An
 * operation named without being called ({@code map(s3.delete_object, keys)}) counts as called, unless only its
 * documentation is looked at ({@code s3.delete_bucket.__doc__}, {@code help(s3.delete_bucket)}). Only Python and
 * JavaScript calls are counted; in Ruby, PHP and Perl every method name is.
 */
final class UnreadCalls {

    private static final Pattern CALL = Pattern.compile("(\\.\\s*)?(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern DEFINED = Pattern.compile("\\b(?:def|function|async\\s+function)\\s+(\\w+)\\s*\\(|\\b(?:const|let|var)\\s+(\\w+)\\s*=\\s*(?:async\\s*)?(?:\\([^)]*\\)|\\w+)\\s*=>");
    private static final Pattern PY_FROM = Pattern.compile("\\bfrom\\s+([\\w.]+)\\s+import\\s+\\(?([\\w \\t,]+)");
    private static final Pattern PY_IMPORT = Pattern.compile("\\bimport\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)");
    private static final Pattern JS_REQUIRE = Pattern.compile("(?:const|let|var)\\s+(?:\\{([^}]*)\\}|(\\w+))\\s*=\\s*require\\s*\\(\\s*['\"]([^'\"]+)['\"]");

    /** Builtins and keywords that take parentheses and reach nothing. */
    private static final Set<String> BUILTINS = Set.of("print", "len", "sum", "min", "max", "sorted", "list", "dict", "set",
            "tuple", "str", "int", "float", "bool", "repr", "round", "abs", "any", "all", "enumerate", "zip", "range", "map",
            "filter", "isinstance", "issubclass", "type", "iter", "next", "reversed", "format", "vars", "hash", "id", "help",
            "dir", "callable", "hasattr", "super", "bytes", "bytearray", "frozenset", "divmod", "pow", "chr", "ord", "hex",
            "oct", "bin", "input", "exit", "quit", "open", "slice", "object", "property", "staticmethod", "classmethod",
            "if", "elif", "while", "for", "not", "and", "or", "in", "is", "return", "assert", "yield", "except", "with",
            "lambda", "await", "async", "switch", "catch", "function", "typeof", "new", "require", "import", "void",
            "of", "else", "parseInt", "parseFloat", "isNaN", "String", "Number", "Boolean", "setTimeout",
            "clearTimeout", "setInterval", "structuredClone", "queueMicrotask", "encodeURIComponent", "decodeURIComponent");
    /**
     * Methods of values, not of clients: strings, numbers, dates, dictionaries and lists, promises and futures, cursors
     * and responses, output. None of them names a change ({@code update}, {@code add}, {@code copy} and {@code replace}
     * are left out: an SDK object has those too).
     */
    private static final Set<String> DATA_METHODS = Set.of("get", "items", "keys", "values", "append", "extend", "join",
            "split", "rsplit", "splitlines", "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize",
            "startswith", "endswith", "format", "encode", "decode", "find", "index", "count", "sort", "reverse",
            "isoformat", "strftime", "strptime", "timestamp", "total_seconds", "astimezone", "date", "time", "now", "utcnow",
            "today", "fromisoformat", "fromtimestamp", "result", "done", "exception", "json", "raise_for_status", "read",
            "readall", "readline", "readlines", "readinto", "content_as_text", "content_as_bytes", "close", "fetchall",
            "fetchone", "fetchmany", "cursor", "commit", "rollback", "connect", "paginate", "search", "build_full_result",
            "to_dict", "as_dict", "to_dataframe", "to_arrow", "to_api_repr", "dumps", "loads", "dump", "load", "then",
            "catch", "finally", "log", "error", "warn", "info", "dir", "table", "map", "filter", "forEach", "reduce", "some",
            "every", "push", "slice", "includes", "indexOf", "toString", "toFixed", "toISOString", "toLocaleString",
            "toUTCString", "getTime", "stringify", "parse", "padStart", "padEnd", "trim", "trimEnd", "trimStart", "flat",
            "flatMap", "concat", "entries", "fromEntries", "isArray", "floor", "round", "ceil", "abs", "max", "min", "send",
            "promise", "toArray", "next", "hasNext", "write", "pprint", "exit", "setdefault", "zfill", "ljust", "rjust",
            "center", "casefold", "isdigit", "isalpha", "isupper", "islower", "partition", "rpartition", "expanduser",
            "expandvars", "exists", "isfile", "isdir", "basename", "dirname", "abspath", "resolve", "glob", "iterdir",
            "getenv", "environ", "dict", "match", "sub", "fullmatch", "group", "groups", "findall", "finditer",
            "sleep", "monotonic", "perf_counter", "uuid4", "hexdigest", "digest", "sha256", "md5", "b64encode",
            "urlencode", "quote", "unquote", "urlparse", "shuffle", "choice", "randint", "random", "sample", "localeCompare");
    /** Standard-library roots: a call on one of them ({@code os.path.join}, {@code json.dumps}) is not an SDK call. */
    private static final Set<String> PLAIN_ROOTS = Set.of("os", "sys", "json", "time", "datetime", "re", "math", "pathlib",
            "Path", "shutil", "subprocess", "logging", "logger", "log", "pprint", "csv", "itertools", "functools",
            "collections", "uuid", "random", "hashlib", "textwrap", "urllib", "requests", "httpx", "base64", "decimal",
            "statistics", "string", "io", "tempfile", "glob", "fnmatch", "platform", "socket", "argparse", "yaml", "toml",
            "tomllib", "configparser", "dateutil", "zoneinfo", "timedelta", "console", "JSON", "Object", "Array", "Math",
            "Promise", "process", "fs", "path", "Date", "Number", "String", "Buffer", "util", "crypto", "URL", "Intl",
            "Symbol", "Set", "Map", "Bun", "Deno", "self", "this", "sys.stdout", "pd", "pandas", "np", "numpy");
    /** Calls that only build a client or connection object: no request is sent yet. */
    private static final Set<String> FACTORIES = Set.of("client", "resource", "connect", "create_engine",
            "create_async_engine", "from_url", "from_connection_string", "from_service_account_json",
            "from_service_account_file", "from_service_account_info", "load_kube_config", "load_incluster_config",
            "new_client_from_config", "build", "initialize_app", "Certificate", "getenv", "createClient", "sessionmaker",
            "get_credentials_from_env", "get_session", "Session", "Config", "default", "from_env",
            // @kubernetes/client-node's KubeConfig set-up: which cluster, not what is done there
            "loadFromDefault", "loadFromFile", "loadFromString", "loadFromCluster", "setCurrentContext", "makeApiClient");

    private UnreadCalls() {
    }

    /**
     * The names of calls {@code accounted} does not cover and that are not plain data handling; empty where calls
     * cannot be listed.
     */
    static java.util.Optional<List<String>> in(String code, Language language, Set<String> accounted) {
        if (ScriptSdkCalls.LANGUAGES.contains(language)) {
            return java.util.Optional.of(methodCalls(code, language, accounted));
        }
        if (language != Language.PYTHON && language != Language.JAVASCRIPT) {
            return java.util.Optional.empty();
        }
        String text = withoutStringContents(code, language);
        Set<String> plain = new HashSet<>(PLAIN_ROOTS);
        Set<String> ownNames = new HashSet<>();
        imports(text, language, plain, ownNames);
        Matcher d = DEFINED.matcher(text);
        while (d.find()) {
            ownNames.add(d.group(1) != null ? d.group(1) : d.group(2));
        }
        List<String> out = new ArrayList<>();
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            String name = m.group(2).replace("$", "");
            boolean method = m.group(1) != null;
            if (name.isEmpty() || accounted.contains(name) || FACTORIES.contains(name) || Character.isUpperCase(name.charAt(0))
                    || ownNames.contains(name) || DEFINED_HERE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                continue;
            }
            if (method ? DATA_METHODS.contains(name) || plain.contains(root(text, m.start())) : BUILTINS.contains(name) || plain.contains(name)) {
                continue;
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        // a call of what a call or subscript returned (getattr(c, 'x')(…), require('postgres')(url))
        // (async () => { … })(): the code's own closure, run at once, is no call of what an SDK returned
        if (Regex.find(Regex.replaceAll(text, "\\}\\s*\\)\\s*\\(\\s*\\)", "}"), "[)\\]]\\s*\\(") && !out.contains("__call__") && !accounted.contains("__call__")) {
            out.add("__call__");
        }
        Matcher r = REFERENCE.matcher(text);
        while (r.find()) {
            String name = r.group(1);
            if (!changes(name) || accounted.contains(name) || out.contains(name)
                    || Regex.find(text.substring(r.end()), "^\\s*\\.\\s*__\\w+__")
                    || ClientCallSyntax.enclosingCall(text, r.start()).filter(INTROSPECTION::contains).isPresent()) {
                continue;
            }
            out.add(name);
        }
        return java.util.Optional.of(out);
    }

    /**
     * Ruby, PHP and Perl: a call needs no parentheses there, so every method name after {@code .} or {@code ->} that no
     * table accounted for is listed (Perl's {@code TerminateInstances} as {@code terminate_instances}), and a change among
     * them keeps reads from standing alone.
     */
    private static List<String> methodCalls(String code, Language language, Set<String> accounted) {
        List<String> out = new ArrayList<>();
        Matcher m = Regex.pattern("(?:\\.|->)\\s*([A-Za-z_]\\w*)").matcher(withoutStringContents(code, language));
        while (m.find()) {
            String name = m.group(1);
            String snake = ClientCallSyntax.snake(name);
            if (!accounted.contains(name) && !name.equals("new") && !DATA_METHODS.contains(name) && !FACTORIES.contains(name)
                    && !out.contains(snake)) {
                out.add(snake);
            }
        }
        return out;
    }

    private static final Pattern DEFINED_HERE = Pattern.compile("\\b(?:def|function|class)\\s+$");
    /** Names of operations that change something: an unread one of these may be what the code really does. */
    private static final Pattern CHANGES = Pattern.compile("(?:begin_|batch_|bulk_|async_|a)?(?:delete|del|terminate|remove|purge"
            + "|drop|destroy|put|create|update|modify|upload|copy|move|rename|send|publish|produce|run|exec|execute|invoke|call"
            + "|start|stop|reboot|reset|restart|attach|detach|associate|disassociate|revoke|authorize|grant|set|flush|truncate"
            + "|insert|upsert|replace|patch|write|import|restore|deregister|register|cancel|disable|enable|rotate|tag|untag|save"
            + "|commit|merge|apply|deploy|scale|resize|kill|shutdown|empty|clear|wipe|erase|evict|expire|add|connect|stream"
            + "|post|submit|trigger|approve|promote|failover|swap|release|allocate|abort|complete|change|assign|unassign"
            + "|transfer|migrate|sync|acknowledge|ack|nack|pull|receive|claim|lease|configure|lock|unlock)(?:_\\w*|[A-Z]\\w*)?"
            // calls by computed name: what they call could be anything
            + "|getattr|methodcaller|partial|__call__|__getattribute__");
    /** A name used without a call: {@code .delete_bucket} not followed by {@code (}. */
    private static final Pattern REFERENCE = Pattern.compile("\\.\\s*([A-Za-z_]\\w*)\\b(?!\\s*\\()");
    /** Looking at an operation without running it: its documentation, signature or source. */
    private static final Set<String> INTROSPECTION = Set.of("help", "signature", "getdoc", "getsource", "getfullargspec",
            "getmembers", "dir", "print", "repr", "str", "type", "callable", "hasattr", "id", "isinstance", "pprint", "log");

    /** Whether a call's name says it changes something ({@code upload_from_filename}, {@code put_item}, {@code sendCommand}). */
    static boolean changes(String name) {
        return CHANGES.matcher(name).matches();
    }

    /** Whether the method call whose dot is at {@code dot} is on a standard-library root ({@code os.environ.get}). */
    static boolean offSdk(String code, int dot, Language language) {
        Set<String> plain = new HashSet<>(PLAIN_ROOTS);
        imports(code, language, plain, new HashSet<>());
        return plain.contains(root(code, dot));
    }

    /** The first name of the dotted chain ending at {@code dot}: {@code os} for {@code os.path.join}; empty after a call or index. */
    private static String root(String text, int dot) {
        int i = dot;
        while (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_'
                || text.charAt(i - 1) == '.' || text.charAt(i - 1) == '$' || text.charAt(i - 1) == ' ' && i - 2 >= 0 && text.charAt(i - 2) == '.')) {
            i--;
        }
        String chain = text.substring(i, dot).strip();
        int first = chain.indexOf('.');
        return first < 0 ? chain : chain.substring(0, first);
    }

    /** Modules imported that reach nothing remote are plain roots; names imported from them are plain calls. */
    private static void imports(String text, Language language, Set<String> plain, Set<String> ownNames) {
        if (language == Language.PYTHON) {
            Matcher f = PY_FROM.matcher(text);
            while (f.find()) {
                if (SdkCalls.reaches("import " + f.group(1), language).isEmpty()) {
                    plain.add(Regex.before(f.group(1), "\\.")); // from x import y; y.z() reads x.y.z() once aliases are undone
                    for (String n : f.group(2).split(",")) {
                        String[] words = n.strip().split("\\s+");
                        if (words.length > 0) {
                            plain.add(words[words.length - 1]);
                        }
                    }
                }
            }
            Matcher i = PY_IMPORT.matcher(text);
            while (i.find()) {
                for (String module : i.group(1).split("\\s*,\\s*")) {
                    if (SdkCalls.reaches("import " + module, language).isEmpty()) {
                        plain.add(Regex.before(module, "\\."));
                    }
                }
            }
        } else {
            Matcher r = JS_REQUIRE.matcher(text);
            while (r.find()) {
                if (SdkCalls.reaches("require('" + r.group(3) + "')", language).isEmpty()) {
                    if (r.group(2) != null) {
                        plain.add(r.group(2));
                    } else {
                        for (String n : r.group(1).split(",")) {
                            plain.add(n.strip().replaceFirst("^.*:\\s*", ""));
                        }
                    }
                }
            }
        }
    }

    /**
     * The code with the text of plain string literals removed ({@code 'SELECT count(*) …'} holds no call), keeping
     * f-strings and template literals, whose {@code {…}} parts run. A tagged template ({@code sql`DELETE …`}) is a call
     * of its tag, and is marked as a call of a returned value.
     */
    static String withoutStringContents(String code, Language language) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (language == Language.PYTHON && c == '#') {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`' && language == Language.JAVASCRIPT) {
                boolean formatted = c == '`' || language == Language.PYTHON && i > 0
                        && Regex.matches(String.valueOf(code.charAt(i - 1)), "[fF]");
                String quote = language == Language.PYTHON && code.startsWith(String.valueOf(c).repeat(3), i) ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                int j = i + quote.length();
                while (j < code.length() && !code.startsWith(quote, j)) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(code.length(), j + quote.length());
                if (c == '`' && Regex.find(out, "(?<![\\w$.])(?!(?:return|await|yield|typeof|case|throw|else|in|of|void)\\s*$)[A-Za-z_$][\\w$]*\\s*$")) {
                    out.append("__call__(");
                }
                out.append(quote);
                if (formatted) {
                    out.append(code, i + quote.length(), Math.min(j, code.length()));
                }
                out.append(quote);
                i = end;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

}
