package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Editors' start-up files ({@code ~/.vimrc}, {@code ~/.exrc}, Neovim's {@code init.vim}/{@code init.lua}, {@code ~/.emacs},
 * {@code init.el}): what they run each time the editor opens, as a later run ({@link LaterRuns}). Their text is handed to
 * the editor's own analysis ({@link VimScripts}, Emacs Lisp in {@link EmbeddedScripts}) as {@code vim -es} or
 * {@code emacs --eval} would run it, so a {@code silent !curl … | sh} there is judged like the same line in {@code ~/.bashrc}.
 */
final class EditorStartup {

    private static final Pattern VIM_NAME = Pattern.compile("[._]?(g?vimrc|exrc)|init\\.vim");
    private static final Pattern EMACS_NAME = Pattern.compile("\\.emacs(\\.el)?|(early-)?init\\.el");
    /** The event and pattern in front of an autocommand's ex command: it runs when the event fires, which is every start. */
    private static final Pattern AUTOCMD = Pattern.compile("(?m)^\\s*au(?:tocmd)?!?\\s+(?:\\S+\\s+)?\\S+\\s+\\S+\\s+(?:(?:\\+\\+)?nested\\s+|\\+\\+once\\s+)*");

    private EditorStartup() {
    }

    /** The run of an editor's start-up file at {@code path}, or empty for any other file. */
    static Optional<LaterRuns.Run> of(String path, String name, String content) {
        String delimiter = "INTERLOCK_EDITOR_" + Integer.toHexString(content.hashCode());
        if (VIM_NAME.matcher(name).matches() || name.equals("init.lua") && path.contains("nvim/")) {
            String lines = name.endsWith(".lua") ? Regex.replaceAll(content, "(?m)^", "lua ") : AUTOCMD.matcher(content).replaceAll("");
            return Optional.of(new LaterRuns.Run("vim -es <<'" + delimiter + "'\n" + lines + (lines.endsWith("\n") ? "" : "\n")
                    + delimiter + "\n", "each time the editor starts", LaterRuns.Reach.EVERY_SHELL));
        }
        if (EMACS_NAME.matcher(name).matches() && (!name.startsWith("init") && !name.startsWith("early") || path.contains("emacs"))) {
            return Optional.of(new LaterRuns.Run("emacs --batch --eval " + Arg.of("(progn " + content + ")").shellText(),
                    "each time the editor starts", LaterRuns.Reach.EVERY_SHELL));
        }
        return Optional.empty();
    }

    /** The file names this class reads; a cheap test before any pattern (every edit asks). */
    static boolean named(String name) {
        return name.contains("vim") || name.contains("exrc") || name.contains("emacs") || name.endsWith(".el") || name.equals("init.lua");
    }
}
