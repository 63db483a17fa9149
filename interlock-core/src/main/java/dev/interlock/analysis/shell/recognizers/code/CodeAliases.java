package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes renaming imports in one-liner code before it is scanned, so that the call table sees the real names:
 * {@code import subprocess as sp; sp.run(…)} → {@code subprocess.run(…)}; {@code from os import system as s; s(…)} →
 * {@code os.system(…)}; {@code const {execSync: run} = require('child_process'); run(…)} → {@code execSync(…)}.
 */
final class CodeAliases {

    private static final Pattern PY_IMPORT_AS = Pattern.compile("\\bimport\\s+([\\w.]+)\\s+as\\s+(\\w+)");
    private static final Pattern PY_FROM = Pattern.compile("\\bfrom\\s+([\\w.]+)\\s+import\\s+\\(?([\\w\\s,]+?)\\)?\\s*(?:[;\\n]|$)");
    private static final Pattern JS_DESTRUCTURE = Pattern.compile("\\{([^}]*)\\}\\s*=\\s*(?:require\\s*\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)|await\\s+import\\s*\\(\\s*['\"]([^'\"]+)['\"]\\s*\\))");
    private static final Pattern JS_IMPORT_AS = Pattern.compile("\\bimport\\s*\\{([^}]*)\\}\\s*from\\s*['\"]([^'\"]+)['\"]");

    private CodeAliases() {
    }

    static String canonical(String code, Language language) {
        String operator = language == Language.PHP || language == Language.PERL ? "." : "+";
        String folded = folded(HomePaths.resolved(StaticStrings.resolved(folded(code, operator), language), language), operator);
        return switch (language) {
            case PYTHON -> reflected(python(reflected(unrolled(folded))));
            case JAVASCRIPT -> CommandLiterals.javascript(javascript(folded));
            case JULIA -> CommandLiterals.julia(folded);
            case JAVA, GROOVY, SCALA, KOTLIN -> CommandLiterals.jvm(folded);
            case CSHARP -> CommandLiterals.csharp(folded);
            case CLOJURE -> ClojureForms.canonical(CommandLiterals.clojure(folded));
            default -> folded;
        };
    }

    /** Two string literals joined by the language's concatenation operator, each without escapes. */
    private static final Pattern PLUS_JOINED = Pattern.compile("(['\"])([^'\"\\\\\\n]*)\\1\\s*\\+\\s*(['\"])([^'\"\\\\\\n]*)\\3");
    private static final Pattern DOT_JOINED = Pattern.compile("(['\"])([^'\"\\\\\\n]*)\\1\\s*\\.\\s*(['\"])([^'\"\\\\\\n]*)\\3");

    /**
     * {@code require('child_'+'process').execSync('rm -rf ~')}: literals joined at run time are one literal, so the
     * calls and paths they spell are found like any other.
     */
    private static String folded(String code, String operator) {
        Pattern joined = operator.equals(".") ? DOT_JOINED : PLUS_JOINED;
        String out = code;
        for (int round = 0; round < 16; round++) {
            Matcher m = joined.matcher(out);
            if (!m.find()) {
                break;
            }
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + r.group(4) + r.group(1)));
        }
        return out;
    }

    /**
     * Reflection with literal names is the plain call: {@code getattr(os, 'system')} → {@code os.system},
     * {@code vars(os)['system']} and {@code os.__dict__['system']} → {@code os.system}, {@code __import__('os')},
     * {@code importlib.import_module('os')} and {@code sys.modules['os']} → {@code os}, {@code __builtins__.exec} →
     * {@code exec}. With computed names they stay, and the dynamic table makes the code opaque.
     */
    private static final List<Map.Entry<Pattern, String>> REFLECTION = List.of(
            Map.entry(Pattern.compile("\\b(?:__import__|importlib\\.import_module)\\s*\\(\\s*(['\"])([\\w.]+)\\1\\s*\\)"), "$2"),
            Map.entry(Pattern.compile("\\bsys\\.modules\\s*\\[\\s*(['\"])([\\w.]+)\\1\\s*\\]"), "$2"),
            Map.entry(Pattern.compile("(?<![\\w.])getattr\\s*\\(\\s*([\\w.]+)\\s*,\\s*(['\"])(\\w+)\\2\\s*\\)"), "$1.$3"),
            Map.entry(Pattern.compile("(?<![\\w.])vars\\s*\\(\\s*([\\w.]+)\\s*\\)\\s*\\[\\s*(['\"])(\\w+)\\2\\s*\\]"), "$1.$3"),
            Map.entry(Pattern.compile("\\b([\\w.]+)\\.__dict__\\s*\\[\\s*(['\"])(\\w+)\\2\\s*\\]"), "$1.$3"),
            Map.entry(Pattern.compile("(?<![\\w.])globals\\s*\\(\\s*\\)\\s*\\[\\s*(['\"])(\\w+)\\1\\s*\\]"), "$2"),
            Map.entry(Pattern.compile("\\b(?:__builtins__|builtins)\\.(?=\\w+\\s*\\()"), ""));

    private static String reflected(String code) {
        String out = code;
        for (int round = 0; round < 4; round++) {
            String before = out;
            for (Map.Entry<Pattern, String> r : REFLECTION) {
                out = r.getKey().matcher(out).replaceAll(r.getValue());
            }
            if (out.equals(before)) {
                break;
            }
        }
        return out;
    }

    private static final String NAME = "['\"]([A-Za-z_]\\w*)['\"]";
    private static final Pattern LOOP_OVER_NAMES = Pattern.compile("\\bfor\\s+(\\w+)\\s+in\\s+[(\\[]\\s*(" + NAME
            + "(?:\\s*,\\s*" + NAME + ")*)\\s*,?\\s*[)\\]]");

    /**
     * {@code for m in ('get_a', 'get_b'): getattr(s3, m)(Bucket='b')}: a loop over literal method names calls each of
     * them, so the call is written out once per name ({@code s3.get_a(Bucket='b')}, {@code s3.get_b(…)} appended).
     */
    private static String unrolled(String code) {
        Matcher loop = LOOP_OVER_NAMES.matcher(code);
        if (!loop.find()) {
            return code;
        }
        List<String> names = Regex.pattern(NAME).matcher(loop.group(2)).results().map(r -> r.group(1)).toList();
        Matcher call = Pattern.compile("(?<![\\w.])getattr\\s*\\(\\s*([\\w.]+)\\s*,\\s*" + loop.group(1) + "\\s*\\)\\s*\\(").matcher(code);
        if (!call.find()) {
            return code;
        }
        String target = call.group(1);
        String args = ClientCallSyntax.callArguments(code, call.end());
        StringBuilder rest = new StringBuilder();
        names.stream().skip(1).forEach(n -> rest.append('\n').append(target).append('.').append(n).append('(').append(args).append(')'));
        return code.substring(0, call.start()) + target + "." + names.getFirst() + "(" + code.substring(call.end()) + rest;
    }

    private static String python(String code) {
        String out = code;
        Matcher m = PY_IMPORT_AS.matcher(code);
        while (m.find()) {
            if (!m.group(1).equals(m.group(2))) {
                // not inside a string that starts with the alias ('mqtt.prod.acme.io' is a host, not paho.mqtt.client)
                out = Pattern.compile("(?<![\\w.'\"/])" + m.group(2) + "\\s*\\.").matcher(out).replaceAll(Matcher.quoteReplacement(m.group(1) + "."));
            }
        }
        Matcher from = PY_FROM.matcher(code);
        while (from.find()) {
            for (String item : from.group(2).split(",")) {
                String[] parts = item.strip().split("\\s+as\\s+");
                if (parts[0].isEmpty() || !Regex.matches(parts[0], "\\w+")) {
                    continue;
                }
                String local = parts.length > 1 ? parts[1].strip() : parts[0];
                if (Regex.matches(local, "\\w+")) {
                    out = Pattern.compile("(?<![\\w.])" + local + "\\s*([(.])").matcher(out).replaceAll(Matcher.quoteReplacement(from.group(1) + "." + parts[0]) + "$1");
                }
            }
        }
        return out;
    }

    private static String javascript(String code) {
        String out = code;
        for (Pattern p : new Pattern[] {JS_DESTRUCTURE, JS_IMPORT_AS}) {
            Matcher m = p.matcher(code);
            while (m.find()) {
                for (String item : m.group(1).split(",")) {
                    String[] parts = item.strip().split("\\s*(?::|\\bas\\b)\\s*");
                    if (parts.length == 2 && Regex.matches(parts[0], "[\\w$]+") && Regex.matches(parts[1], "[\\w$]+")) {
                        out = Pattern.compile("(?<![\\w.$])" + Pattern.quote(parts[1]) + "\\s*\\(").matcher(out).replaceAll(Matcher.quoteReplacement(parts[0]) + "(");
                    }
                }
            }
        }
        return out;
    }
}
