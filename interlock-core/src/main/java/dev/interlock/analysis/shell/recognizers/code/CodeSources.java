package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an interpreter's code comes from on its command line: a code flag ({@code -c}, {@code -e}, {@code -Command}),
 * stdin, a script or module, or nothing at all (a REPL); per language, with PowerShell's abbreviated flags.
 */
final class CodeSources {

    private CodeSources() {
    }

    static final Map<String, Language> LANGUAGES = languages();
    /** Flags whose next argument is code, per language. */
    private static final Map<Language, Set<String>> CODE_FLAGS = Map.ofEntries(
            Map.entry(Language.PYTHON, Set.of("-c")),
            Map.entry(Language.JAVASCRIPT, Set.of("-e", "--eval", "-p", "--print")),
            Map.entry(Language.RUBY, Set.of("-e")),
            Map.entry(Language.PERL, Set.of("-e", "-E")),
            Map.entry(Language.PHP, Set.of("-r")),
            Map.entry(Language.APPLESCRIPT, Set.of("-e")),
            Map.entry(Language.R, Set.of("-e")),
            Map.entry(Language.LUA, Set.of("-e")),
            Map.entry(Language.POWERSHELL, Set.of("-command", "-c", "-cmd")),
            Map.entry(Language.JULIA, Set.of("-e", "--eval", "-E", "--print")),
            Map.entry(Language.JAVA, Set.of("--code")),
            Map.entry(Language.KOTLIN, Set.of("-e", "-expression")),
            Map.entry(Language.CSHARP, Set.<String>of()),
            Map.entry(Language.CLOJURE, Set.of("-e", "--eval")),
            Map.entry(Language.GROOVY, Set.of("-e")),
            Map.entry(Language.SCALA, Set.of("-e", "--execute-script", "-c")));
    /** Julia's options with a separate value (threads, workers, a system image), so the value is not taken for a script. */
    private static final Set<String> JULIA_VALUED = Set.of("-t", "--threads", "-p", "--procs", "-J", "--sysimage", "-C",
            "--cpu-target", "-L", "--load");
    /** The JVM runners' class path and dependency options: a jar named there is a library, not the script. */
    private static final Set<String> JVM_VALUED = Set.of("-cp", "-classpath", "--classpath", "--class-path", "--dep", "--dependency",
            "-D", "--jar", "--jars", "-Sdeps", "--scala", "-S", "--deps", "--repos", "--java", "--main");
    private static final Set<Language> JVM_LANGUAGES = java.util.EnumSet.of(Language.JAVA, Language.GROOVY, Language.SCALA,
            Language.KOTLIN, Language.CLOJURE);
    /** Subcommands of the JVM and .NET script runners that come before the code or script ({@code scala-cli run -e …}). */
    private static final Set<String> RUNNER_VERBS = Set.of("run", "script", "shebang", "repl");
    /** Flags that take a value which is not code (a module, an include path, a library). */
    private static final Set<String> VALUED = Set.of("-W", "-X", "-r", "--require", "-I", "--import", "-l", "-M", "-d",
            "-x", "--loader", "--input-type", "-c:", "-executionpolicy", "-ex", "-windowstyle", "-configurationname",
            "-workingdirectory", "-wd", "-outputformat", "-inputformat");
    /** jshell's options with a separate value (a class path is not a script to run). */
    private static final Set<String> JSHELL_VALUED = Set.of("--class-path", "-cp", "-classpath", "--module-path", "-p",
            "--add-modules", "--add-exports", "--startup", "--feedback", "--execution");
    private static Map<String, Language> languages() {
        Map<String, Language> m = new HashMap<>();
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
        m.put("julia", Language.JULIA);
        m.put("jshell", Language.JAVA);
        m.put("groovy", Language.GROOVY);
        m.put("scala", Language.SCALA);
        m.put("scala-cli", Language.SCALA);
        m.put("amm", Language.SCALA);
        m.put("jbang", Language.JAVA);
        m.put("kotlin", Language.KOTLIN);
        m.put("kotlinc", Language.KOTLIN);
        m.put("kotlinc-jvm", Language.KOTLIN);
        m.put("bb", Language.CLOJURE);
        m.put("clj", Language.CLOJURE);
        m.put("clojure", Language.CLOJURE);
        m.put("csi", Language.CSHARP);
        m.put("dotnet-script", Language.CSHARP);
        m.put("pwsh", Language.POWERSHELL);
        m.put("powershell", Language.POWERSHELL);
        m.put("powershell.exe", Language.POWERSHELL);
        return Map.copyOf(m);
    }

    /** What the command line says to run: inline code, a script or module, or nothing (a REPL). */
    record Source(StringBuilder code, boolean literal, String script, List<String> operands, boolean inPlace,
                          String opaque) {
    }

    static Source of(Invocation inv, Language language) {
        List<Arg> args = inv.args();
        Set<String> codeFlags = CODE_FLAGS.get(language);
        StringBuilder code = new StringBuilder();
        boolean literal = true;
        String script = "";
        List<String> operands = new ArrayList<>();
        boolean inPlace = false;
        int start = 0;
        String first = args.isEmpty() ? "" : args.getFirst().value();
        if ((inv.program().equals("scala-cli") || inv.program().equals("jbang")) && RUNNER_VERBS.contains(first)) {
            start = 1;
        }
        if (inv.program().equals("deno") || inv.program().equals("bun") || inv.program().equals("dotnet-script")) {
            String sub = first;
            if (sub.equals("eval")) {
                for (Arg a : args.subList(1, args.size())) {
                    if (!a.value().startsWith("-")) {
                        code.append(a.value()).append('\n');
                        literal &= a.literal();
                    }
                }
                return new Source(code, literal, "", operands, false, "");
            }
            if (!sub.isEmpty() && !sub.startsWith("-") && !inv.program().equals("dotnet-script")) {
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
                    literal &= next.literal() || onlyQueryOptions(next.value());
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
            } else if (language != Language.CLOJURE && VALUED.contains(w) || language == Language.JULIA && JULIA_VALUED.contains(w)
                    || language == Language.JAVA && JSHELL_VALUED.contains(w)
                    || JVM_LANGUAGES.contains(language) && JVM_VALUED.contains(w)) {
                i++;
            } else if (w.startsWith("-")) {
                inPlace |= language == Language.PERL && Regex.matches(w, "-[a-zA-Z]*i.*");
            } else {
                script = w;
            }
        }
        if (language == Language.JAVA) {
            systemProperties(args, code);
        }
        return new Source(code, literal, script, operands, inPlace && !operands.isEmpty(), "");
    }

    /**
     * jshell's {@code -R-Dname=value} sets a property of the code's JVM: {@code System.getProperty("name")} in the code is
     * that value, written in as a literal so the calls that take it are placed by it.
     */
    private static void systemProperties(List<Arg> args, StringBuilder code) {
        for (Arg a : args) {
            String w = a.value();
            int eq = w.indexOf('=');
            if (w.startsWith("-R-D") && eq > 4 && code.indexOf("getProperty") >= 0) {
                String call = "System.getProperty(\"" + w.substring(4, eq) + "\")";
                String value = "\"" + w.substring(eq + 1).replace("\"", "") + "\"";
                for (int at = code.indexOf(call); at >= 0; at = code.indexOf(call, at + value.length())) {
                    code.replace(at, at + call.length(), value);
                }
            }
        }
    }

    /** PowerShell flags are case-insensitive and may be abbreviated; -Command takes the rest of the line. */
    static Source powershell(List<Arg> args) {
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

    private static final Pattern QUERY_OPTION = Pattern.compile("(?<=[?&])\\$(?:top|filter|select|expand|orderby|count|search|skip"
            + "|skiptoken|format|apply|levels)=");

    /**
     * Whether the only expansions in a word of code are OData's query options in a URL ({@code …/users?$top=5&$select=id}):
     * written for the API, not the shell; the shell expands them (to nothing: no one sets variables of those names), which
     * changes only the query of a URL the code spells out.
     */
    private static boolean onlyQueryOptions(String word) {
        return word.indexOf('$') >= 0 && QUERY_OPTION.matcher(word).replaceAll("").indexOf('$') < 0 && word.indexOf('`') < 0;
    }

    /** PowerShell's constants, and its pipeline variable read for a property inside a script block ({@code { $_.Status }}). */
    private static final Pattern CONSTANT = Pattern.compile("(?i)\\$(true|false|null)(?![\\w:])|(?<=\\{[^{}]{0,200})\\$_(?=\\.[A-Za-z])");

    /**
     * Whether the only expansions in a word of PowerShell code are PowerShell's own constants ({@code -CaseSensitive:$false},
     * {@code -Force:$true}, {@code $null}) and {@code $_.Name} in a {@code Where-Object { … }} block: PowerShell reads them as
     * values, whatever a shell would make of them (a property of {@code $_} in a block is PowerShell's pipeline object, as
     * everyone who types it means it).
     */
    private static boolean onlyConstants(String word) {
        return word.indexOf('$') >= 0 && CONSTANT.matcher(word).replaceAll("").indexOf('$') < 0 && word.indexOf('`') < 0;
    }
}
