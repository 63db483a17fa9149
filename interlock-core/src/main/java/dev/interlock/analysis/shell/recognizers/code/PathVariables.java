package dev.interlock.analysis.shell.recognizers.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python writes through a path object held in a variable: {@code p = pathlib.Path('.claude/settings.json'); …;
 * p.write_text(…)} writes that file, as {@code Path('.claude/settings.json').write_text(…)} does. A variable given a
 * literal path once is that path; any other receiver is a write to a path computed at run time.
 */
final class PathVariables {

    private static final Pattern ASSIGNED = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*=\\s*(?:pathlib\\.)?(?:Path|PosixPath|WindowsPath)"
            + "\\s*\\(\\s*" + CodeCalls.STR + "\\s*\\)(?:\\s*\\.\\s*expanduser\\s*\\(\\s*\\))?\\s*(?=[;\\n]|$)");
    /** {@code NAME.write_text(}, {@code NAME.write_bytes(}, {@code NAME.open('w')}; a dotted receiver ({@code self.p}) too. */
    private static final Pattern WRITTEN = Pattern.compile("(?<![\\w.)\\]'\"])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\s*\\.\\s*"
            + "(?:write_(?:text|bytes)\\s*\\(|open\\s*\\(\\s*(?:mode\\s*=\\s*)?['\"][rbt]*[wax])");

    private PathVariables() {
    }

    static List<CodeScanner.Found> writes(String code) {
        if (!code.contains(".write_") && !code.contains(".open")) {
            return List.of();
        }
        Map<String, String> paths = new HashMap<>();
        Matcher a = ASSIGNED.matcher(code);
        while (a.find()) {
            String value = CodeScanner.literal(a.group(2), CodeCalls.Language.PYTHON).orElse(null);
            // given two different paths, which one a write uses depends on where it stands: not followed
            paths.merge(a.group(1), value == null ? "" : value, (x, y) -> x.equals(y) ? x : "");
        }
        // p = Path('a'); p = other(): assigned something else too, so which path is written is not known
        paths.replaceAll((name, path) -> Pattern.compile("(?<![\\w.])" + name + "\\s*=(?!=)").matcher(code).results().count()
                > Pattern.compile("(?<![\\w.])" + name + "\\s*=\\s*(?:pathlib\\.)?(?:Path|PosixPath|WindowsPath)\\s*\\(").matcher(code).results().count()
                ? "" : path);
        List<CodeScanner.Found> found = new ArrayList<>();
        Matcher w = WRITTEN.matcher(code);
        while (w.find()) {
            String path = paths.getOrDefault(w.group(1), "");
            found.add(path.isEmpty() ? new CodeScanner.Found(CodeCalls.Kind.WRITE, "Path.write_text", List.of(), false, "")
                    : new CodeScanner.Found(CodeCalls.Kind.WRITE, "Path.write_text", List.of(path), true, ""));
        }
        return found;
    }
}
