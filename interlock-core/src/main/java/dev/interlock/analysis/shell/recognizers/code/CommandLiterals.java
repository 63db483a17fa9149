package dev.interlock.analysis.shell.recognizers.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the ways less-common languages spell "run this command" into one call the table reads, so that the
 * command's literal words are found like {@code subprocess.run([…])}'s: Julia's {@code pipeline(`a`, `b`)} →
 * {@code `a | b`}; Groovy's {@code "cmd".execute()} and Scala's {@code "cmd".!} → {@code execute("cmd")}; Java arrays
 * and lists of literals → {@code […]}; Deno's {@code new Deno.Command("sh", {args: […]})} → {@code Deno.Command(["sh", …])}.
 */
final class CommandLiterals {

    private CommandLiterals() {
    }

    private static final String STR = "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')";
    private static final Pattern JULIA_PIPELINE = Pattern.compile("\\bpipeline\\s*\\(\\s*(`[^`]*`(?:\\s*,\\s*`[^`]*`)+)\\s*\\)");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
    private static final Pattern JAVA_ARRAY = Pattern.compile("\\bnew\\s+String\\s*\\[\\s*]\\s*\\{([^{}]*)}");
    private static final Pattern JAVA_LIST = Pattern.compile("\\b(?:List\\.of|Arrays\\.asList|Seq|List|Array)\\s*\\(([^()]*)\\)");
    /** {@code "cmd".execute()} (Groovy), {@code "cmd".!}, {@code .!!}, {@code .lazyLines} (Scala), on a string or a list. */
    private static final Pattern RUN_SUFFIX = Pattern.compile("(" + STR.substring(1, STR.length() - 1) + "|\\[[^\\[\\]]*])\\s*\\.\\s*"
            + "(?:execute\\s*\\(|!!?(?![=\\w])|lazyLines\\b|lineStream\\b)");
    private static final Pattern DENO_COMMAND = Pattern.compile("\\bnew\\s+Deno\\.Command\\s*\\(\\s*" + STR
            + "(?:\\s*,\\s*\\{\\s*args\\s*:\\s*\\[([^\\]]*)])?");
    private static final Pattern DENO_RUN = Pattern.compile("\\bDeno\\.run\\s*\\(\\s*\\{\\s*cmd\\s*:\\s*\\[");

    /** Julia: the commands a pipeline chains are one shell pipeline. */
    static String julia(String code) {
        if (code.indexOf('`') < 0) {
            return code;
        }
        return JULIA_PIPELINE.matcher(code).replaceAll(m -> {
            List<String> parts = new ArrayList<>();
            Matcher b = BACKTICKED.matcher(m.group(1));
            while (b.find()) {
                parts.add(b.group(1));
            }
            return Matcher.quoteReplacement("`" + String.join(" | ", parts) + "`");
        });
    }

    /** Java (jshell), Groovy and Scala. */
    static String jvm(String code) {
        if (!code.contains("exec") && !code.contains("Process") && !code.contains("!") && !code.contains("lazyLines")
                && !code.contains("lineStream")) {
            return code;
        }
        String out = JAVA_ARRAY.matcher(code).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "]"));
        out = JAVA_LIST.matcher(out).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "]"));
        return RUN_SUFFIX.matcher(out).replaceAll(m -> Matcher.quoteReplacement("execute(" + m.group(1) + ")"));
    }

    /** Deno's subprocess API names the program apart from its arguments. */
    static String javascript(String code) {
        if (!code.contains("Deno.")) {
            return code;
        }
        String out = DENO_COMMAND.matcher(code).replaceAll(m -> Matcher.quoteReplacement("Deno.Command([" + m.group(1)
                + (m.group(2) == null || m.group(2).isBlank() ? "" : ", " + m.group(2)) + "]"));
        return DENO_RUN.matcher(out).replaceAll("Deno.run([");
    }
}
