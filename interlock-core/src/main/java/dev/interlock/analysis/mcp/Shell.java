package dev.interlock.analysis.mcp;

import dev.interlock.analysis.shell.Arg;
import java.util.List;

/** Command lines built from a tool's arguments, quoted so the shell analysis reads each argument as one word. */
final class Shell {

    private Shell() {
    }

    static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (w != null && !w.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(Arg.of(w).shellText());
            }
        }
        return out.toString();
    }
}
