package dev.interlock.analysis.shell.recognizers.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The table behind {@link InterpreterRecognizer}: per language, the calls in one-liner code that run a shell command,
 * delete a path, or make the code's effect undecidable (eval of computed text, decoded payloads, reflection). Code is
 * scanned as text; only literal arguments are trusted.
 */
final class CodeCalls {

    private CodeCalls() {
    }

    enum Language { PYTHON, JAVASCRIPT, RUBY, PERL, PHP, APPLESCRIPT, R, LUA, POWERSHELL, JULIA, JAVA, GROOVY, SCALA, KOTLIN, CSHARP, CLOJURE }

    enum Kind {
        /** Runs its argument(s) as a shell command. */
        SHELL,
        /** Deletes one file or an empty directory. */
        DELETE,
        /** Deletes a tree; recursive. */
        DELETE_TREE,
        /** Deletes; recursive only when the call says so ({@code recursive: true}, {@code recursive = TRUE}). */
        DELETE_MAYBE_TREE,
        /** Cuts a file to the length its second argument gives (none: to nothing), as {@code truncate -s} does. */
        TRUNCATE,
        /** Evaluates its argument as code of the same language. */
        EVAL,
        /** Reads a file (checked against the secret-file table), or writes it when opened with a write mode. */
        OPEN,
        /** Writes a file. */
        WRITE,
        /** Sends an HTTP request that changes the endpoint; {@code what} names the method. */
        HTTP,
        /** Opens a raw connection to the host it names: only what the code is seen to send over it counts. */
        SOCKET
    }

    /**
     * One entry. {@code embedded}: the pattern's group 1 is the literal itself (backticks, {@code %x()}, {@code do
     * shell script "…"}); otherwise the arguments follow the match. {@code gate}: the rule applies only when the code
     * mentions it (a bare {@code exec(} is a shell call only where child_process is in play).
     */
    record Call(Pattern pattern, Kind kind, boolean embedded, String gate, String what) {
    }

    /** A construct that makes the effect undecidable whatever its arguments. */
    record Dynamic(Pattern pattern, String what) {
    }

    private static Call call(String regex, Kind kind, String what) {
        return new Call(Pattern.compile(regex), kind, false, "", what);
    }

    private static Call gated(String regex, Kind kind, String gate, String what) {
        return new Call(Pattern.compile(regex), kind, false, gate, what);
    }

    private static Call embedded(String regex, Kind kind, String what) {
        return new Call(Pattern.compile(regex, Pattern.DOTALL), kind, true, "", what);
    }

    private static Dynamic dynamic(String regex, String what) {
        return new Dynamic(Pattern.compile(regex), what);
    }

    static final String STR = "(?:[rRbBuU]{0,2})(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')";

    /**
     * A JVM URL connection or HttpClient request whose method the code sets: judged as curl with that method, at the
     * URL the connection opens ({@code new URL(u).openConnection(); c.requestMethod = "DELETE"}).
     */
    private static void jvmRequests(List<Call> c) {
        String url = "(?:\\bnew\\s+)?(?<![\\w])URL\\s*\\((?=[\\s\\S]*?(?:requestMethod\\s*=\\s*|setRequestMethod\\s*\\(\\s*)['\"]";
        c.add(call(url + "DELETE['\"])", Kind.HTTP, "DELETE"));
        c.add(call(url + "(?:PUT|PATCH)['\"])", Kind.HTTP, "PUT"));
        c.add(call(url + "POST['\"])", Kind.HTTP, "POST"));
        c.add(call("\\bURI\\.create\\s*\\((?=[^;]*?\\.DELETE\\s*\\(\\s*\\))", Kind.HTTP, "DELETE"));
        c.add(call("\\bURI\\.create\\s*\\((?=[^;]*?\\.(?:PUT|method\\s*\\(\\s*\"PATCH\")\\s*\\()", Kind.HTTP, "PUT"));
        c.add(call("\\bURI\\.create\\s*\\((?=[^;]*?\\.POST\\s*\\()", Kind.HTTP, "POST"));
    }

    static List<Call> calls(Language language) {
        List<Call> c = new ArrayList<>();
        switch (language) {
            case PYTHON -> {
                c.add(call("(?:\\bshutil\\.|(?<![\\w.]))rmtree\\s*\\(", Kind.DELETE_TREE, "shutil.rmtree"));
                c.add(call("(?:\\bos\\.|(?<![\\w.]))(?:remove|unlink)\\s*\\(", Kind.DELETE, "os.remove"));
                c.add(call("(?:\\bos\\.|(?<![\\w.]))(?:rmdir|removedirs)\\s*\\(", Kind.DELETE, "os.rmdir"));
                c.add(embedded("Path\\s*\\(\\s*" + STR + "\\s*\\)\\s*\\.(?:unlink|rmdir)\\s*\\(", Kind.DELETE, "Path.unlink"));
                c.add(call("\\bos\\.truncate\\s*\\(", Kind.TRUNCATE, "os.truncate"));
                c.add(call("\\.(?:system|popen)\\s*\\(", Kind.SHELL, "os.system"));
                // the process is replaced by the program: os.execvp('rm', ['rm', '-rf', p]) (its path, then its argv);
                // os.spawn*(mode, …) and pty.spawn(argv) start one
                c.add(call("\\bos\\.exec[lv]p?e?\\s*\\(", Kind.SHELL, "os.exec"));
                c.add(call("\\bos\\.(?:spawn[lv]p?e?|posix_spawnp?)\\s*\\(|\\bpty\\.spawn\\s*\\(", Kind.SHELL, "os.spawn"));
                c.add(gated("(?:\\bsubprocess\\.|(?<![\\w.]))(?:run|call|Popen|check_call|check_output|getoutput|getstatusoutput)\\s*\\(",
                        Kind.SHELL, "subprocess", "subprocess"));
                c.add(call("(?<![\\w.])(?:eval|exec)\\s*\\(", Kind.EVAL, "exec"));
                c.add(call("(?<![\\w.])open\\s*\\(", Kind.OPEN, "open"));
                // reading a file by other means than open(): an INI parser, pathlib, python-dotenv
                c.add(gated("\\.read\\s*\\(", Kind.OPEN, "configparser", "ConfigParser.read"));
                c.add(embedded("Path\\s*\\(\\s*" + STR + "\\s*\\)(?:\\s*\\.\\s*expanduser\\s*\\(\\s*\\))?\\s*\\.(?:read_text|read_bytes)\\s*\\(",
                        Kind.OPEN, "Path.read_text"));
                c.add(call("(?:\\bdotenv\\.|(?<![\\w.]))(?:dotenv_values|read_dotenv)\\s*\\(", Kind.OPEN, "dotenv_values"));
                c.add(embedded("Path\\s*\\(\\s*" + STR + "\\s*\\)\\s*\\.write_(?:text|bytes)\\s*\\(", Kind.WRITE, "Path.write_text"));
                // a data frame written out (pandas, polars, pyarrow): a file write like any other, judged by where it lands
                c.add(call("\\.(?:to_csv|to_parquet|to_json|to_excel|to_feather|to_pickle|write_csv|write_parquet|write_json|write_ndjson"
                        + "|write_excel|write_ipc|sink_csv|sink_parquet)\\s*\\(", Kind.WRITE, "DataFrame.to_csv"));
                // a GET reads, and is held only where its answer is a secret (SecretEndpoints)
                c.add(call("\\b(?:requests|httpx)\\.get\\s*\\(", Kind.HTTP, "GET"));
                c.add(call("\\b(?:requests|httpx|session|client)\\.delete\\s*\\(", Kind.HTTP, "DELETE"));
                c.add(call("\\b(?:requests|httpx|session|client)\\.(?:put|patch)\\s*\\(", Kind.HTTP, "PUT"));
                c.add(call("\\b(?:requests|httpx|session|client)\\.post\\s*\\(", Kind.HTTP, "POST"));
                // the standard library sends a body too: urlopen(url, data=…), Request(url, data=…), conn.request("POST", …)
                // urlopen(Request(url, data=…)) is one request, the Request's: its URL is the literal
                c.add(call("\\b(?:urlopen\\s*\\((?!\\s*(?:\\w+\\.)*Request\\s*\\()|Request\\s*\\()(?=[^)]*\\bdata\\s*=|[^,)]*,\\s*(?!timeout)\\w)",
                        Kind.HTTP, "POST"));
                c.add(call("\\.request\\s*\\(\\s*['\"](?:POST|PUT|PATCH)['\"]", Kind.HTTP, "POST"));
                c.add(call("\\bsocket\\.create_connection\\s*\\(", Kind.SOCKET, "socket.create_connection"));
            }
            case JAVASCRIPT -> {
                c.add(gated("(?:\\.|(?<![\\w.$]))(?:execSync|exec|spawnSync|spawn|execFileSync|execFile)\\s*\\(",
                        Kind.SHELL, "child_process", "child_process"));
                c.add(call("\\bBun\\.spawn(?:Sync)?\\s*\\(", Kind.SHELL, "Bun.spawn"));
                // new Deno.Command(cmd, {args}) and Deno.run({cmd}) arrive as Deno.Command([cmd, …args]) (CommandLiterals)
                c.add(call("\\bDeno\\.(?:Command|run)\\s*\\(", Kind.SHELL, "Deno.Command"));
                c.add(embedded("(?:\\bBun\\.|(?<![\\w.]))\\$`([^`$]*)`", Kind.SHELL, "Bun shell"));
                c.add(gated("(?:\\bfs\\w*\\.(?:promises\\.)?|\\)\\.|(?<![\\w.$]))(?:rmSync|rm|rmdirSync|rmdir)\\s*\\(",
                        Kind.DELETE_MAYBE_TREE, "fs", "fs.rm"));
                c.add(gated("(?:\\bfs\\w*\\.(?:promises\\.)?|\\)\\.|(?<![\\w.$]))(?:unlinkSync|unlink)\\s*\\(", Kind.DELETE, "fs", "fs.unlink"));
                c.add(gated("(?:\\bfs\\w*\\.(?:promises\\.)?|\\)\\.|(?<![\\w.$]))(?:truncateSync|truncate)\\s*\\(", Kind.TRUNCATE, "fs", "fs.truncate"));
                c.add(call("\\bDeno\\.truncate(?:Sync)?\\s*\\(", Kind.TRUNCATE, "Deno.truncate"));
                c.add(call("\\b(?:fse\\w*\\.(?:remove|removeSync|emptyDirSync|emptyDir)|rimraf(?:\\.sync)?)\\s*\\(",
                        Kind.DELETE_TREE, "rimraf"));
                c.add(call("\\bDeno\\.remove(?:Sync)?\\s*\\(", Kind.DELETE_MAYBE_TREE, "Deno.remove"));
                c.add(call("(?<![\\w.$])eval\\s*\\(", Kind.EVAL, "eval"));
                c.add(call("\\baxios\\.delete\\s*\\(", Kind.HTTP, "DELETE"));
                c.add(call("\\baxios\\.(?:put|patch)\\s*\\(", Kind.HTTP, "PUT"));
                c.add(call("\\baxios\\.post\\s*\\(", Kind.HTTP, "POST"));
                c.add(call("\\bfetch\\s*\\((?=[^)]*method\\s*:\\s*['\"](?:DELETE|delete)['\"])", Kind.HTTP, "DELETE"));
                c.add(call("\\bfetch\\s*\\((?=[^)]*method\\s*:\\s*['\"](?:PUT|PATCH|put|patch)['\"])", Kind.HTTP, "PUT"));
                c.add(call("\\bfetch\\s*\\((?=[^)]*method\\s*:\\s*['\"](?:POST|post)['\"])", Kind.HTTP, "POST"));
                // http(s).request({method: 'POST', …}) and got/needle/superagent-style .post(…)
                c.add(call("\\.request\\s*\\((?=[^)]*method\\s*:\\s*['\"](?:POST|PUT|PATCH|post|put|patch)['\"])", Kind.HTTP, "POST"));
                c.add(call("\\b(?:got|needle|superagent|ky)\\.post\\s*\\(", Kind.HTTP, "POST"));
                c.add(call("\\breadFileSync\\s*\\(|\\breadFile\\s*\\(", Kind.OPEN, "readFile"));
                c.add(call("\\b(?:writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream)\\s*\\(", Kind.WRITE, "writeFile"));
            }
            case RUBY -> {
                c.add(call("\\bFileUtils\\.(?:rm_rf|rm_r|remove_dir|remove_entry|remove_entry_secure|rmtree)\\b\\s*", Kind.DELETE_TREE, "FileUtils.rm_rf"));
                c.add(call("\\bFileUtils\\.(?:rm|rm_f|remove|remove_file|safe_unlink|rmdir)\\b\\s*", Kind.DELETE, "FileUtils.rm"));
                c.add(call("\\b(?:File|Dir)\\.(?:delete|unlink|rmdir)\\b\\s*", Kind.DELETE, "File.delete"));
                c.add(call("\\bFile\\.truncate\\b\\s*", Kind.TRUNCATE, "File.truncate"));
                c.add(call("(?:\\bKernel\\.|(?<![\\w.]))(?:system|exec|spawn)\\b\\s*", Kind.SHELL, "system"));
                c.add(call("\\b(?:IO\\.popen|Open3\\.\\w+)\\s*", Kind.SHELL, "IO.popen"));
                c.add(embedded("`([^`]*)`", Kind.SHELL, "backticks"));
                c.add(embedded("%x\\(([^)]*)\\)|%x\\{([^}]*)\\}|%x\\[([^\\]]*)\\]", Kind.SHELL, "%x()"));
                c.add(call("(?<![\\w.])(?:eval|instance_eval|class_eval)\\b\\s*", Kind.EVAL, "eval"));
                c.add(call("\\bFile\\.(?:read|open|readlines)\\s*", Kind.OPEN, "File.read"));
                c.add(call("\\bFile\\.(?:write|binwrite)\\s*", Kind.WRITE, "File.write"));
                c.add(call("\\b(?:TCPSocket\\.(?:new|open)|Socket\\.tcp)\\b\\s*", Kind.SOCKET, "TCPSocket"));
                c.add(call("\\bNet::HTTP\\.(?:post|post_form|put)\\b\\s*\\(?|\\bNet::HTTP::(?:Post|Put|Patch)\\.new\\s*\\(?", Kind.HTTP, "POST"));
            }
            case PERL -> {
                c.add(call("(?<![\\w$])(?:rmtree|remove_tree)\\b\\s*", Kind.DELETE_TREE, "rmtree"));
                c.add(call("(?<![\\w$])(?:unlink|rmdir)\\b\\s*", Kind.DELETE, "unlink"));
                c.add(call("(?<![\\w$])truncate\\b\\s*", Kind.TRUNCATE, "truncate"));
                c.add(call("(?<![\\w$])(?:system|exec)\\b\\s*", Kind.SHELL, "system"));
                c.add(embedded("`([^`]*)`", Kind.SHELL, "backticks"));
                c.add(embedded("\\bqx\\s*\\(([^)]*)\\)|\\bqx\\s*\\{([^}]*)\\}|\\bqx\\s*/([^/]*)/", Kind.SHELL, "qx"));
                c.add(call("(?<![\\w$])eval\\b\\s*+(?!\\{)", Kind.EVAL, "eval"));
                // open(F, '<', "path") and open F, "<path": the handle and a mode of its own come before the path
                c.add(call("(?<![\\w$])open\\b\\s*\\(?\\s*(?:my\\s+)?\\$?\\w+\\s*,\\s*(?:(['\"])\\+?<\\1\\s*,\\s*)?", Kind.OPEN, "open"));
                c.add(call("\\bIO::Socket::(?:INET6?|IP|SSL)\\s*->\\s*new\\b\\s*", Kind.SOCKET, "IO::Socket"));
            }
            case PHP -> {
                c.add(call("(?<![\\w$>:])(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\\s*\\(", Kind.SHELL, "system"));
                c.add(embedded("`([^`]*)`", Kind.SHELL, "backticks"));
                c.add(call("(?<![\\w$>:])unlink\\s*\\(", Kind.DELETE, "unlink"));
                c.add(call("(?<![\\w$>:])rmdir\\s*\\(", Kind.DELETE, "rmdir"));
                c.add(call("(?<![\\w$>:])eval\\s*\\(", Kind.EVAL, "eval"));
                c.add(call("(?<![\\w$>:])(?:file_get_contents|fopen|file)\\s*\\(", Kind.OPEN, "file_get_contents"));
                c.add(call("(?<![\\w$>:])file_put_contents\\s*\\(", Kind.WRITE, "file_put_contents"));
            }
            case APPLESCRIPT -> {
                c.add(call("\\bdo shell script\\s+", Kind.SHELL, "do shell script"));
                // text typed into a terminal window runs there as a shell command: Terminal's do script, iTerm's write text
                c.add(call("\\bdo script\\s+", Kind.SHELL, "Terminal's do script"));
                c.add(gated("\\bwrite text\\s+", Kind.SHELL, "iTerm", "iTerm's write text"));
            }
            case R -> {
                c.add(call("(?<![\\w.])(?:system|system2|shell)\\s*\\(", Kind.SHELL, "system"));
                c.add(call("(?<![\\w.])unlink\\s*\\(", Kind.DELETE_MAYBE_TREE, "unlink"));
                c.add(call("\\bfile\\.remove\\s*\\(", Kind.DELETE, "file.remove"));
            }
            case LUA -> {
                c.add(call("\\b(?:os\\.execute|io\\.popen)\\s*\\(?", Kind.SHELL, "os.execute"));
                c.add(call("\\bos\\.remove\\s*\\(", Kind.DELETE, "os.remove"));
            }
            case JULIA -> {
                // a backtick literal is a Cmd, made to be run (run, read, success, pipeline — joined by CommandLiterals)
                c.add(embedded("`([^`]*)`", Kind.SHELL, "run(`…`)"));
                c.add(call("(?<![\\w.])(?:Base\\.)?rm\\s*\\(", Kind.DELETE_MAYBE_TREE, "rm"));
            }
            case JAVA, GROOVY, SCALA, KOTLIN -> {
                // "cmd".execute(), "cmd".!, Seq(…).!! and os.proc(…).call() arrive as execute(…) (CommandLiterals)
                c.add(call("(?<![\\w.])execute\\s*\\(", Kind.SHELL, "execute"));
                c.add(gated("\\.exec\\s*\\(", Kind.SHELL, "Runtime", "Runtime.exec"));
                jvmRequests(c);
                if (language == Language.GROOVY) {
                    // what is left after CommandLiterals: .execute() on a value computed at run time
                    c.add(call("\\.execute\\b(?=\\s*\\(\\s*\\))", Kind.SHELL, "execute"));
                }
                c.add(call("\\bnew\\s+ProcessBuilder\\s*\\(|(?<![\\w.])ProcessBuilder\\s*\\(|\\bProcess\\s*\\(", Kind.SHELL, "ProcessBuilder"));
                c.add(call("\\bFiles\\.(?:delete|deleteIfExists)\\s*\\(\\s*(?:Path\\.of|Paths\\.get)\\s*\\(", Kind.DELETE, "Files.delete"));
                if (language == Language.GROOVY) {
                    // Groovy's File additions: deleteDir() removes the tree its receiver names; .text reads, .text = writes
                    c.add(embedded("new\\s+File\\s*\\(\\s*" + STR + "\\s*\\)\\s*\\.deleteDir\\s*\\(", Kind.DELETE_TREE, "File.deleteDir"));
                    c.add(call("new\\s+File\\s*\\((?![^;]*?\\)\\s*\\.deleteDir)(?=[^;]*?\\)\\s*\\.(?:text|bytes|readLines|eachLine|getText)\\b(?!\\s*=))",
                            Kind.OPEN, "File.text"));
                    c.add(embedded("new\\s+File\\s*\\(\\s*" + STR + "\\s*\\)\\s*(?:\\.(?:(?:text|bytes)\\s*=(?!=)|(?:write|append|setText|withWriter)\\b)|<<)",
                            Kind.WRITE, "File.text ="));
                    c.add(call("new\\s+File\\s*\\((?!\\s*" + STR + "\\s*\\))(?=[^;]*?\\)\\s*(?:\\.(?:(?:text|bytes)\\s*=(?!=)|(?:write|append|setText)\\b)|<<))",
                            Kind.WRITE, "File.text ="));
                    // a receiver computed at run time (new File(System.getProperty("user.home")).deleteDir())
                    c.add(call("new\\s+File\\s*\\((?!\\s*" + STR + "\\s*\\))(?=[^;]*?\\)\\s*\\.deleteDir\\s*\\()", Kind.DELETE_TREE, "File.deleteDir"));
                    // URLConnection with doOutput sends a body: a POST to the URL's host
                    c.add(call("\\bnew\\s+URL\\s*\\((?=[^;]*\\bdoOutput\\s*=\\s*true)", Kind.HTTP, "POST"));
                }
            }
            case CSHARP -> {
                // Process.Start("kubectl", "delete ns x") arrives as execute("kubectl delete ns x") (CommandLiterals)
                c.add(call("(?<![\\w.])execute\\s*\\(|\\bProcess\\.Start\\s*\\(", Kind.SHELL, "Process.Start"));
                c.add(call("\\bFile\\.Delete\\s*\\(", Kind.DELETE, "File.Delete"));
                c.add(call("\\bDirectory\\.Delete\\s*\\((?=[^;)]*,\\s*true\\s*\\))", Kind.DELETE_TREE, "Directory.Delete"));
                // HttpClient's methods name the request's method; the URL is their first argument
                c.add(call("\\.DeleteAsync\\s*\\((?=\\s*@?\"https?://)", Kind.HTTP, "DELETE"));
                c.add(call("\\.(?:PutAsync|PatchAsync|PutAsJsonAsync)\\s*\\((?=\\s*@?\"https?://)", Kind.HTTP, "PUT"));
                c.add(call("\\.(?:PostAsync|PostAsJsonAsync|UploadString)\\s*\\((?=\\s*@?\"https?://)", Kind.HTTP, "POST"));
            }
            case CLOJURE -> {
                // (shell "cmd"), (sh "rm" "-rf" p), (process [...]) arrive as execute(…) (CommandLiterals)
                c.add(call("(?<![\\w.])execute\\s*\\(", Kind.SHELL, "babashka.process/shell"));
                c.add(call("\\((?:babashka\\.)?fs/delete-tree\\s+", Kind.DELETE_TREE, "fs/delete-tree"));
                c.add(call("\\((?:babashka\\.)?fs/delete(?:-if-exists)?\\s+|\\((?:clojure\\.java\\.)?io/delete-file\\s+", Kind.DELETE, "fs/delete"));
                c.add(call("\\((?:[\\w.]*(?:http|client|curl)[\\w.-]*)/delete\\s+", Kind.HTTP, "DELETE"));
                c.add(call("\\((?:[\\w.]*(?:http|client|curl)[\\w.-]*)/(?:put|patch)\\s+", Kind.HTTP, "PUT"));
                c.add(call("\\((?:[\\w.]*(?:http|client|curl)[\\w.-]*)/post\\s+", Kind.HTTP, "POST"));
            }
            case POWERSHELL -> {
                c.add(call("(?i)\\b(?:Remove-Item|rm|del|rd|rmdir|ri)\\s+(?:-(?:Path|LiteralPath)\\s+)?",
                        Kind.DELETE_MAYBE_TREE, "Remove-Item"));
            }
        }
        return c;
    }

    static List<Dynamic> dynamics(Language language) {
        return switch (language) {
            case PYTHON -> List.of(
                    dynamic("\\b__import__\\b", "__import__ loads a module by computed name"),
                    dynamic("(?<![\\w.])getattr\\s*\\([^,()]*,\\s*+(?!(?:'[^']*'|\"[^\"]*\")\\s*[,)])|\\b__builtins__\\b",
                            "getattr calls a function by computed name"),
                    // literal names were resolved to plain calls (CodeAliases); what is left names the module at run time
                    dynamic("\\bimportlib\\.(?:import_module|__import__|reload)\\b|(?<![\\w.])import_module\\s*\\("
                            + "|\\b(?:spec_from_file_location|spec_from_loader|module_from_spec|exec_module|SourceFileLoader)\\b",
                            "importlib loads a module by computed name"),
                    dynamic("(?:(?<![\\w.])vars\\s*\\([^)]*\\)|(?<![\\w.])globals\\s*\\(\\s*\\)|\\.__dict__|\\bsys\\.modules)\\s*\\[",
                            "looks a function up by computed name"),
                    // decoded data only printed or parsed is harmless (literal payloads were decoded and are read as
                    // text); one decoded at run time in code that also runs, evaluates or writes something is hidden
                    dynamic("(?s)^(?=.*(?:(?<![\\w.])(?:exec|eval|compile)\\s*\\(|\\.(?:system|popen|exec\\w*|spawn\\w*)\\s*\\(|(?<!stdout|stderr|stdout\\.buffer|stderr\\.buffer)\\.write\\w*\\s*\\("
                            + "|\\b(?:subprocess|pty|ctypes|runpy)\\b)).*?(?:\\b(?:b64decode|b32decode|a85decode|unhexlify|fromhex|decodebytes)\\b"
                            + "|\\bcodecs\\.decode\\b)", "decodes a hidden payload"),
                    dynamic("\\b(?:marshal|pickle)\\.loads?\\b", "deserializes code"),
                    dynamic("(?<![\\w.])compile\\s*\\(", "compiles code at run time"));
            case JAVASCRIPT -> List.of(
                    dynamic("(?<![\\w.$])(?:new\\s+)?Function\\s*\\(", "builds a function from text"),
                    dynamic("\\bvm\\.run\\w*\\s*\\(", "runs text in a VM context"),
                    dynamic("\\brequire\\s*\\(\\s*[^'\"`\\s)]", "requires a module by computed name"),
                    dynamic("\\bimport\\s*\\(\\s*[^'\"`\\s)]", "imports a module by computed name"),
                    // as for Python: decoded data only printed (process.stdout.write, console.log) is data; decoded in code
                    // that also runs, evaluates or writes something, it is a hidden payload
                    dynamic("(?s)^(?=.*(?:(?<![\\w.$])(?:eval|Function)\\s*\\(|child_process|\\.(?:exec\\w*|spawn\\w*|fork)\\s*\\("
                            + "|(?<!stdout|stderr)\\.write\\w*\\s*\\(|\\bwriteFile\\w*\\s*\\(|\\bvm\\.|\\b(?:require|import)\\s*\\(\\s*[^'\"`\\s)]))"
                            + ".*?(?:Buffer\\.from\\s*\\([^;]*?,\\s*['\"](?:base64|hex)['\"]\\s*\\)|\\batob\\s*\\()", "decodes a hidden payload"),
                    dynamic("\\bsetTimeout\\s*\\(\\s*['\"`]", "evaluates a string later"));
            case RUBY -> List.of(
                    dynamic("\\.(?:public_)?send\\s*\\(", "calls a method by computed name"),
                    dynamic("\\bconst_get\\b|\\bMarshal\\.load\\b", "resolves code at run time"),
                    dynamic("\\bBase64\\.(?:decode64|strict_decode64|urlsafe_decode64)\\b|\\.unpack1?\\s*\\(\\s*['\"]m", "decodes a hidden payload"));
            case PERL -> List.of(
                    dynamic("\\bdecode_base64\\b|\\bpack\\s*\\(\\s*['\"][Hu]", "decodes a hidden payload"),
                    dynamic("&\\$\\w+|&\\{", "calls a function by computed name"));
            case PHP -> List.of(
                    dynamic("\\b(?:assert|create_function|call_user_func(?:_array)?)\\s*\\(", "calls code by computed name"),
                    dynamic("\\b(?:base64_decode|gzinflate|str_rot13|hex2bin)\\s*\\(", "decodes a hidden payload"),
                    dynamic("(?<![\\w>:])\\$\\w+\\s*\\(", "calls a function held in a variable"),
                    dynamic("\\b(?:include|require)(?:_once)?\\s*\\(?\\s*\\$", "includes a file by computed name"));
            case APPLESCRIPT -> List.of(
                    dynamic("\\bdo (?:shell )?script\\s+(?!\")", "the shell command is computed"),
                    dynamic("\\brun script\\b", "runs a script given as text"));
            case R -> List.of(dynamic("\\beval\\s*\\(\\s*parse\\b|\\bsource\\s*\\(\\s*(?:url|\")http", "evaluates computed or downloaded code"));
            case JULIA -> List.of(dynamic("\\bMeta\\.parse\\b|\\binclude_string\\b|(?<![\\w.])eval\\s*\\(", "evaluates code built at run time"));
            case CSHARP -> List.of(dynamic("\\bAssembly\\.Load\\w*\\s*\\(|\\bCSharpScript\\.\\w+|\\bActivator\\.CreateInstance\\b|\\.GetMethod\\s*\\(",
                    "calls or evaluates code by computed name"));
            case CLOJURE -> List.of(dynamic("\\((?:clojure\\.core/)?(?:eval|load-string|load-file|resolve|requiring-resolve)\\s", "evaluates code built at run time"));
            case JAVA, GROOVY, SCALA, KOTLIN -> List.of(dynamic("\\bClass\\.forName\\b|\\.getMethod\\s*\\(|\\bGroovyShell\\b|\\bEval\\.me\\b|\\bScriptEngine",
                    "calls or evaluates code by computed name"));
            case LUA -> List.of(dynamic("\\b(?:loadstring|load|dofile|loadfile)\\s*\\(", "loads code at run time"));
            case POWERSHELL -> List.of(
                    dynamic("(?i)\\bInvoke-Expression\\b|\\biex\\b", "evaluates a string as PowerShell"),
                    dynamic("(?i)FromBase64String|-enc(?:odedcommand)?\\b", "decodes a hidden payload"),
                    dynamic("(?i)\\bDownloadString\\b|\\bInvoke-WebRequest\\b.*\\|\\s*iex|\\birm\\b.*\\|\\s*iex", "runs downloaded code"),
                    dynamic("(?i)\\bStart-Process\\b|\\bInvoke-Command\\b(?![^|;\\n]*-(?:ScriptBlock|Command)\\s*\\{|[^|;\\n{]*(?<!@)\\{)",
                            "starts a process given as text"));
        };
    }
}
