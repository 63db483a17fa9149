package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Get-ChildItem -Recurse -Filter *.tmp | Remove-Item}: the files whose names match a pattern, under a root,
 * deleted — judged as {@code find ROOT -name '*.tmp' -delete} is (a filtered delete where the root is, not a delete of
 * the root). Only a name pattern with a wildcard counts: {@code -Include bin,obj} or {@code -Directory} pick whole
 * directories, and that pipeline stays Remove-Item's (a recursive delete of paths known at run time).
 */
final class PowerShellFileFilters {

    private PowerShellFileFilters() {
    }

    private static final Pattern PIPELINE = Pattern.compile("(?i)(?<=^|[;\\n{(])\\s*Get-ChildItem\\b([^|;\\n{}]*)\\|\\s*Remove-Item\\b([^|;\\n{}]*)");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");
    /** A file-name pattern: a wildcard, no separator, not every name. */
    private static final Pattern NAME = Pattern.compile("[^\\\\/*?]*[*?][^\\\\/]*");

    /**
     * Adds the find-like deletes of every such pipeline to {@code ops}; the code without those pipelines, for the rest
     * of the analysis.
     */
    static String judged(String code, Invocation inv, Nested nested, List<Operation> ops) {
        if (!Regex.find(code, "(?i)Get-ChildItem")) {
            return code;
        }
        Matcher m = PIPELINE.matcher(code);
        StringBuilder rest = null;
        int copied = 0;
        while (m.find()) {
            List<String> finds = finds(m.group(1), m.group(2));
            if (finds.isEmpty()) {
                continue;
            }
            for (String find : finds) {
                for (Operation op : nested.shell(find, inv)) {
                    ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                            + "from Get-ChildItem | Remove-Item, as `" + find + "`").build());
                }
            }
            if (rest == null) {
                rest = new StringBuilder(code.length());
            }
            rest.append(code, copied, m.start()).append(' ');
            copied = m.end();
        }
        return rest == null ? code : rest.append(code, copied, code.length()).toString();
    }

    /** The find commands for Get-ChildItem's {@code listing} and Remove-Item's {@code removal}; empty when not a filter by name. */
    private static List<String> finds(String listing, String removal) {
        String root = "";
        List<String> names = new ArrayList<>();
        boolean recursive = false;
        List<String> words = words(listing);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String lower = w.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("-")) {
                if (root.isEmpty() && !w.contains("*") && !w.contains("?")) {
                    root = w;
                } else {
                    names.add(w); // a wildcard, or Get-ChildItem's second positional: its -Filter
                }
                continue;
            }
            String value = i + 1 < words.size() ? words.get(i + 1) : "";
            if (Regex.matches(lower, "-r(e(c(u(r(se?)?)?)?)?)?")) {
                recursive = true;
            } else if (Regex.matches(lower, "-de(p(th?)?)?")) {
                recursive = true;
                i++;
            } else if (Regex.matches(lower, "-fi(l(t(er?)?)?)?|-inc(l(u(de?)?)?)?")) {
                names.addAll(List.of(Regex.split(value, ",")));
                i++;
            } else if (Regex.matches(lower, "-(path|literalpath|lp)")) {
                root = value;
                i++;
            } else if (Regex.matches(lower, "-exc(l(u(de?)?)?)?")) {
                i++; // fewer files, never more
            } else if (!Regex.matches(lower, "-(file|af|force|erroraction|ea)")) {
                return List.of(); // -Directory, -Attributes and the rest choose something other than file names
            } else if (lower.equals("-erroraction") || lower.equals("-ea")) {
                i++;
            }
        }
        for (String w : words(removal)) {
            if (!w.startsWith("-") && !Regex.matches(w, "(?i)\\$?(true|false|SilentlyContinue|Continue|Stop|Ignore)")) {
                return List.of(); // a path of its own: not the listed files
            }
        }
        List<String> out = new ArrayList<>();
        String dir = root.isEmpty() ? "." : root.replace('\\', '/');
        if (names.isEmpty() || dir.contains("'") || dir.contains("$")) {
            return List.of();
        }
        for (String name : names) {
            String n = name.strip();
            if (!NAME.matcher(n).matches() || n.equals("*") || n.equals("*.*") || n.contains("'")) {
                return List.of();
            }
            out.add("find '" + dir + "'" + (recursive ? "" : " -maxdepth 1") + " -type f -name '" + n + "' -delete");
        }
        return out;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            out.add(w.group(1) != null ? w.group(1) : w.group(2) != null ? w.group(2) : w.group(3));
        }
        return out;
    }
}
