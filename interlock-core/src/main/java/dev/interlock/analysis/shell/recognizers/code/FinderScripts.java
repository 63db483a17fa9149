package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AppleScript's Finder file commands, written back as the shell commands that do the same, so that they are judged
 * like them: {@code delete} (and {@code move … to trash}) moves items to the Trash ({@code mv … ~/.Trash/}), and once the
 * script also empties the Trash they are gone ({@code tell application "Finder" to delete every item of (path to
 * documents folder)} then {@code empty trash} is {@code rm -rf ~/Documents/*}). Folders are named by Finder's own words
 * ({@code home}, {@code desktop}, {@code path to documents folder}, {@code folder "x" of home}, {@code POSIX file "/p"});
 * a target it names otherwise (a variable, an HFS path) is a path computed at run time.
 */
final class FinderScripts {

    private FinderScripts() {
    }

    /** {@code path to X folder} and Finder's bare folder words, as paths. */
    private static final Map<String, String> FOLDERS = Map.ofEntries(
            Map.entry("documents", "~/Documents"), Map.entry("desktop", "~/Desktop"), Map.entry("downloads", "~/Downloads"),
            Map.entry("home", "~"), Map.entry("pictures", "~/Pictures"), Map.entry("movies", "~/Movies"),
            Map.entry("music", "~/Music"), Map.entry("library", "~/Library"), Map.entry("public", "~/Public"),
            Map.entry("application support", "~/Library/Application Support"), Map.entry("preferences", "~/Library/Preferences"),
            Map.entry("applications", "/Applications"), Map.entry("startup disk", "/"), Map.entry("current user", "~"));

    /** One statement that deletes: Finder's {@code delete X} or {@code move X to trash}, up to the end of its line. */
    private static final Pattern DELETE = Pattern.compile("(?m)\\b(?:delete\\s+([^\\n]+?)|move\\s+([^\\n]+?)\\s+to\\s+(?:the\\s+)?trash)"
            + "\\s*(?:--[^\\n]*)?(?=$|\\n|\\bend tell\\b)");
    private static final Pattern EMPTY_TRASH = Pattern.compile("\\bempty\\s+(?:the\\s+)?trash\\b");
    private static final Pattern CONTENTS = Pattern.compile(
            "(?:every\\s+(?:disk\\s+)?(?:item|file|folder|document file)|(?:items|files|folders)|entire\\s+contents)\\s+of\\s+(.+)");
    private static final Pattern NAMED = Pattern.compile("(?:folder|file|item|document file|disk item)\\s+\"([^\"/]+)\"\\s+of\\s+(.+)");
    private static final Pattern POSIX = Pattern.compile("(?:POSIX\\s+file|alias\\s+POSIX\\s+file)\\s+\"(/[^\"]*|~/[^\"]*)\"");
    private static final Pattern PATH_TO = Pattern.compile("path\\s+to\\s+(?:the\\s+)?([a-z ]+?)(?:\\s+folder)?(?:\\s+from\\s+user\\s+domain)?");
    private static final Pattern WHOSE = Pattern.compile("\\s+whose\\s+name\\s+(ends with|starts with|begins with|contains|is)\\s+\"([^\"*/]*)\"$");

    /** The shell command lines the script's Finder deletes stand for; empty when it makes none. */
    static List<String> commandLines(String code) {
        // cheap tests first: Finder is the one told, and it is told to delete or empty
        if (!code.contains("Finder") || !(code.contains("delete") || code.contains("trash"))) {
            return List.of();
        }
        Matcher empty = EMPTY_TRASH.matcher(code);
        int emptiedAt = empty.find() ? empty.start() : -1;
        List<String> lines = new ArrayList<>();
        Matcher m = DELETE.matcher(code);
        while (m.find()) {
            String target = m.group(1) != null ? m.group(1) : m.group(2);
            boolean destroyed = emptiedAt > m.start();
            Optional<String> path = path(target.strip(), true);
            if (path.isEmpty()) {
                if (destroyed) {
                    lines.add("rm -rf \"$FINDER_ITEMS\"");
                }
                continue;
            }
            lines.add(destroyed ? "rm -rf " + path.get() : "mv " + path.get() + " ~/.Trash/");
        }
        if (emptiedAt >= 0) {
            // what was already in the Trash is gone too
            lines.add("rm -rf ~/.Trash/*");
        }
        return lines;
    }

    /** A Finder reference as a shell word (a glob for a folder's contents), or empty when it is not spelled out. */
    private static Optional<String> path(String ref, boolean top) {
        String r = unwrap(ref);
        Matcher whose = WHOSE.matcher(r);
        String filter = "*";
        if (top && whose.find()) {
            String v = whose.group(2);
            filter = switch (whose.group(1)) {
                case "ends with" -> "*" + v;
                case "starts with", "begins with" -> v + "*";
                case "contains" -> "*" + v + "*";
                default -> v;
            };
            r = r.substring(0, whose.start()).strip();
        }
        Matcher c = CONTENTS.matcher(r);
        if (top && c.matches()) {
            String f = filter;
            return folder(c.group(1)).map(dir -> word(dir) + (dir.endsWith("/") ? "" : "/") + quoteGlob(f));
        }
        return folder(r).map(FinderScripts::word);
    }

    /** A folder or item reference as a path. */
    private static Optional<String> folder(String ref) {
        String r = unwrap(ref);
        Matcher named = NAMED.matcher(r);
        if (named.matches()) {
            String name = named.group(1);
            return folder(named.group(2)).map(dir -> (dir.endsWith("/") ? dir : dir + "/") + name);
        }
        Matcher posix = POSIX.matcher(r);
        if (posix.matches()) {
            return Optional.of(posix.group(1));
        }
        Matcher to = PATH_TO.matcher(r);
        if (to.matches()) {
            return Optional.ofNullable(FOLDERS.get(to.group(1).strip()));
        }
        return Optional.ofNullable(FOLDERS.get(r));
    }

    /** Drops parentheses, {@code the}, and coercions ({@code as alias}, {@code as text}) around a reference. */
    private static String unwrap(String ref) {
        String r = ref.strip();
        while (true) {
            String before = r;
            if (r.startsWith("(") && r.endsWith(")") && closes(r) == r.length() - 1) {
                r = r.substring(1, r.length() - 1).strip();
            }
            r = Regex.replaceFirst(r, "^the\\s+", "");
            r = Regex.replaceFirst(r, "\\s+as\\s+(?:alias|text|string|POSIX file)$", "");
            if (r.equals(before)) {
                return r;
            }
        }
    }

    /** Where the parenthesis that opens {@code r} closes. */
    private static int closes(String r) {
        int depth = 0;
        for (int i = 0; i < r.length(); i++) {
            depth += r.charAt(i) == '(' ? 1 : r.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code ~/Application Support} as {@code ~/'Application Support'}: the tilde and no glob inside quotes. */
    private static String word(String path) {
        String head = path.startsWith("~/") ? "~/" : path.equals("~") ? "~" : "";
        String rest = path.substring(head.length());
        return head + (rest.isEmpty() || Regex.matches(rest, "[\\w./@+-]+") ? rest : "'" + rest.replace("'", "'\\''") + "'");
    }

    private static String quoteGlob(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
            parts.add(part.isEmpty() || Regex.matches(part, "[\\w.@+-]+") ? part : "'" + part.replace("'", "'\\''") + "'");
        }
        return String.join("*", parts);
    }
}
