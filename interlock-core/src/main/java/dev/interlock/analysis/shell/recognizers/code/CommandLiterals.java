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
    private static final Pattern JAVA_LIST = Pattern.compile("\\b(?:List\\.of|Arrays\\.asList|Seq|List|Array|listOf|arrayOf)\\s*\\(([^()]*)\\)");
    /** os-lib's {@code os.proc("aws", "s3", "ls").call()} (Scala): the program and its arguments, run. */
    private static final Pattern OS_PROC = Pattern.compile("\\bos\\.proc\\s*\\(([^()]*)\\)\\s*\\.\\s*(?:call|spawn)\\b");
    /** C#'s {@code Process.Start("kubectl", "delete ns x")}: the file, then its arguments as one string. */
    private static final Pattern PROCESS_START = Pattern.compile("\\bProcess\\.Start\\s*\\(\\s*\"([^\"\\\\]*)\"\\s*,\\s*\"([^\"\\\\]*)\"\\s*\\)");
    /**
     * Clojure's {@code (babashka.process/shell {:out :string} "cmd")}, {@code (clojure.java.shell/sh "rm" "-rf" p)} and
     * {@code (process ["ls" "-l"])}: an optional options map, then the command's words.
     */
    private static final Pattern CLOJURE_RUN = Pattern.compile("\\((?:[\\w.]+/)?(?:shell|sh|process|exec)\\s+(?:\\{[^{}]*}\\s*)?"
            + "\\[?((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)]?\\s*\\)");
    private static final Pattern CLOJURE_WORD = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
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

    /** Java (jshell, jbang), Groovy, Scala and Kotlin. */
    static String jvm(String code) {
        if (!code.contains("exec") && !code.contains("Process") && !code.contains("!") && !code.contains("lazyLines")
                && !code.contains("lineStream") && !code.contains("os.proc")) {
            return code;
        }
        String out = OS_PROC.matcher(code).replaceAll(m -> Matcher.quoteReplacement("execute([" + m.group(1) + "])"));
        out = JAVA_ARRAY.matcher(code).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "]"));
        out = JAVA_LIST.matcher(out).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "]"));
        return RUN_SUFFIX.matcher(out).replaceAll(m -> Matcher.quoteReplacement("execute(" + m.group(1) + ")"));
    }

    /** C#: the file and its argument string are one command line. */
    static String csharp(String code) {
        return PROCESS_START.matcher(code).replaceAll(m -> Matcher.quoteReplacement("execute(\"" + m.group(1) + " " + m.group(2) + "\")"));
    }

    /** Clojure: the words of a shell or process call are one argv list. */
    static String clojure(String code) {
        return CLOJURE_RUN.matcher(code).replaceAll(m -> {
            List<String> words = new ArrayList<>();
            Matcher w = CLOJURE_WORD.matcher(m.group(1));
            while (w.find()) {
                words.add(w.group());
            }
            return Matcher.quoteReplacement(words.size() == 1 ? "execute(" + words.getFirst() + ")" : "execute([" + String.join(", ", words) + "])");
        });
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
