package dev.interlock.analysis.shell.recognizers.windows;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cmd's {@code for} over files — {@code for /r [root] %i in (*.log) do del "%i"}, {@code for %f in (*.tmp) do …} — as
 * the {@code find} command that does the same: files whose names match the set, under the root (every subdirectory
 * with {@code /r}, the directory alone without), each deleted ({@code -delete}) or handed to the loop's command
 * ({@code -exec … {} ;}). A POSIX parser cannot read cmd's loop; {@code find} is judged already (a filtered delete
 * in the workspace is not a delete of the directory). {@code /d}, {@code /f} and {@code /l} loops are left as they are.
 */
public final class CmdForLoops {

    private CmdForLoops() {
    }

    private static final Pattern LOOP = Pattern.compile("(?i)^for\\s+(/r\\s+(?:(\"[^\"]+\"|[^\\s%\"]+)\\s+)?)?(%%?[a-z])\\s+in\\s+\\(([^()]*)\\)\\s+do\\s+(.+)$");
    /** del or erase of the loop's file, with any switches. */
    private static final String DEL = "(?i)@?(?:del|erase)(?:\\s+/[a-z]+(?::\\S*)?)*\\s+\"?%s\"?";

    /** The shell line that does what {@code line} does, when it is one of cmd's loops over file patterns. */
    public static Optional<String> asShell(String line) {
        String t = line.strip();
        if (t.length() < 4 || !t.regionMatches(true, 0, "for", 0, 3) || t.indexOf('%') < 0) {
            return Optional.empty(); // every request passes here
        }
        Matcher m = LOOP.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean recursive = m.group(1) != null;
        String root = m.group(2) == null ? "." : m.group(2).replace("\"", "");
        String variable = m.group(3);
        String body = m.group(5).strip();
        if (body.indexOf(variable) < 0 || Regex.find(body, "[&|<>()]") || root.contains("'")) {
            return Optional.empty(); // a compound body or one that ignores the files: not a loop over them
        }
        boolean delete = Regex.matches(body, DEL.replace("%s", Pattern.quote(variable)));
        List<String> finds = new ArrayList<>();
        for (String item : Regex.split(m.group(4).trim(), "[\\s,;]+")) {
            String name = item.replace("\"", "");
            if (name.isEmpty() || name.contains("'")) {
                return Optional.empty();
            }
            String dir = root;
            int sep = Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/'));
            if (sep >= 0) {
                if (recursive) {
                    return Optional.empty();
                }
                dir = name.substring(0, sep);
                name = name.substring(sep + 1);
            }
            if (name.indexOf('*') < 0 && name.indexOf('?') < 0) {
                return Optional.empty(); // a list of words, not a file pattern
            }
            String find = "find '" + dir + "'" + (recursive ? "" : " -maxdepth 1") + " -type f -name '" + name + "'";
            finds.add(delete ? find + " -delete" : find + " -exec " + withFile(body, variable) + " ';'");
        }
        return finds.isEmpty() ? Optional.empty() : Optional.of(String.join(" ; ", finds));
    }

    /** The body with the loop's variable (quoted, or with a {@code %~} modifier) as find's {@code {}}. */
    private static String withFile(String body, String variable) {
        String letter = variable.substring(variable.length() - 1);
        String percent = variable.substring(0, variable.length() - 1);
        return Regex.replaceAll(body, "\"?" + Pattern.quote(percent) + "(?:~[a-zA-Z]*)?" + "(?i:" + Pattern.quote(letter.toLowerCase(Locale.ROOT)) + ")\"?", "{}");
    }
}
