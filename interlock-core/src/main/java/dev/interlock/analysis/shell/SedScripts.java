package dev.interlock.analysis.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sed script into its commands, addresses removed: {@code 1,/x/{s/a/b/e;e ls}} → {@code s/a/b/e},
 * {@code e ls}. Enough of sed's grammar to find the commands that run something ({@code e}, the {@code e} flag).
 */
final class SedScripts {

    private SedScripts() {
    }

    static List<String> commands(String script) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (Character.isWhitespace(c) || c == ';' || c == '{' || c == '}' || c == '!') {
                i++;
                continue;
            }
            int afterAddress = address(script, i);
            if (afterAddress != i) {
                i = afterAddress;
                if (i < n && script.charAt(i) == ',') {
                    i = address(script, i + 1);
                }
                continue;
            }
            int start = i;
            char command = script.charAt(i++);
            switch (command) {
                case 's', 'y' -> {
                    if (i < n) {
                        char delimiter = script.charAt(i++);
                        i = field(script, field(script, i, delimiter), delimiter);
                    }
                    while (i < n && ";\n}".indexOf(script.charAt(i)) < 0) {
                        i++;
                    }
                }
                case 'a', 'i', 'c', 'e', 'r', 'R', 'w', 'W', ':' -> {
                    while (i < n && script.charAt(i) != '\n') {
                        i++;
                    }
                }
                default -> {
                    while (i < n && ";\n}".indexOf(script.charAt(i)) < 0) {
                        i++;
                    }
                }
            }
            out.add(script.substring(start, i));
        }
        return out;
    }

    /** The flags after {@code s/pattern/replacement/}. */
    static String substituteFlags(String command) {
        if (command.length() < 2) {
            return "";
        }
        char delimiter = command.charAt(1);
        int end = field(command, field(command, 2, delimiter), delimiter);
        return command.substring(Math.min(end, command.length()));
    }

    /** Past a line number, {@code $}, {@code /regex/}, {@code \cregexc}, {@code first~step}, or {@code i} when none. */
    private static int address(String s, int i) {
        int n = s.length();
        if (i >= n) {
            return i;
        }
        char c = s.charAt(i);
        if (Character.isDigit(c)) {
            int j = i;
            while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '~')) {
                j++;
            }
            return j;
        }
        if (c == '$') {
            return i + 1;
        }
        if (c == '/') {
            return flagsAfterRegex(s, field(s, i + 1, '/'));
        }
        if (c == '\\' && i + 1 < n) {
            return flagsAfterRegex(s, field(s, i + 2, s.charAt(i + 1)));
        }
        return i;
    }

    private static int flagsAfterRegex(String s, int i) {
        while (i < s.length() && (s.charAt(i) == 'I' || s.charAt(i) == 'M')) {
            i++;
        }
        return i;
    }

    /** Past the next unescaped {@code delimiter} from {@code i}. */
    private static int field(String s, int i, char delimiter) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            i++;
            if (c == delimiter) {
                return i;
            }
        }
        return s.length();
    }
}
