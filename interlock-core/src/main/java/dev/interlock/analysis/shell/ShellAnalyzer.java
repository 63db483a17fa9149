package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.code.PowerShellStatements;
import dev.interlock.model.Operation;
import dev.interlock.model.RequestContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns a shell command line into operations: parse, walk every command (lists, pipelines, substitutions, bodies),
 * unwrap wrappers, and hand each program run to its {@link Recognizer}. Data is not code: arguments of {@code echo},
 * heredoc bodies fed to {@code cat}, commit messages produce nothing. What cannot be resolved statically becomes an
 * {@code opaque} operation. Pure and bounded: no I/O, depth- and size-limited.
 */
public final class ShellAnalyzer {

    private final Map<String, Recognizer> recognizers = new HashMap<>();
    private final Recognizer fallback;
    private final BiFunction<String, String, List<Operation>> sql;

    /**
     * @param recognizers one per program family
     * @param fallback    for programs no recognizer claims (judged by the words they use)
     * @param sql         SQL analysis for database clients: (statement text, dialect) → operations
     */
    public ShellAnalyzer(List<Recognizer> recognizers, Recognizer fallback, BiFunction<String, String, List<Operation>> sql) {
        for (Recognizer r : recognizers) {
            for (String program : r.programs()) {
                Recognizer previous = this.recognizers.put(program, r);
                if (previous != null && previous != r) {
                    throw new IllegalStateException("two recognizers claim '" + program + "': "
                            + previous.getClass().getSimpleName() + " and " + r.getClass().getSimpleName());
                }
            }
        }
        this.fallback = fallback;
        this.sql = sql;
    }

    /** The analyzer with every registered recognizer. */
    public static ShellAnalyzer standard(BiFunction<String, String, List<Operation>> sql) {
        return new ShellAnalyzer(Recognizers.all(), Recognizers.fallback(), sql);
    }

    public List<Operation> analyze(String command, RequestContext context) {
        return walk(command, context).run();
    }

    /**
     * The files whose text would decide more than their names do — scripts a shell or interpreter runs, SQL files,
     * makefiles, files fed on standard input — by absolute path. The engine reads nothing; an adapter on the agent's
     * machine reads these into {@code context.files} and asks again.
     */
    public java.util.Set<String> filesNamed(String command, RequestContext context) {
        ShellWalk walk = walk(command, context);
        walk.run();
        java.util.Set<String> named = new java.util.LinkedHashSet<>(walk.wanted);
        named.removeAll(context.files().keySet());
        return named;
    }

    private ShellWalk walk(String command, RequestContext context) {
        Workspace workspace = Workspace.of(context.cwd().orElse(null), context.env());
        // A line in PowerShell (agents on Windows send theirs as they are) is read as the PowerShell code it is.
        // cmd's for-loop over files (for /r %i in (*.log) do del "%i") is read as the find command that does the same.
        String line = PowerShellStatements.isPowerShellLine(command) ? PowerShellStatements.asCommandLine(command)
                : windowsPaths(dev.interlock.analysis.shell.recognizers.windows.CmdForLoops.asShell(command).orElse(command), context);
        ShellWalk walk = new ShellWalk(this, line, workspace, context.env());
        walk.written.putAll(context.files());
        return walk;
    }

    /** {@code C:\\…} or {@code C:/…}, without a regular expression: this runs for every request. */
    private static boolean driveLetterPath(String cwd) {
        return cwd.length() >= 3 && Character.isLetter(cwd.charAt(0)) && cwd.charAt(0) < 128 && cwd.charAt(1) == ':'
                && (cwd.charAt(2) == '\\' || cwd.charAt(2) == '/');
    }

    /**
     * On a Windows machine (a cwd such as {@code C:\\Users\\dev}) a backslash separates path parts, it escapes nothing:
     * doubled outside single quotes, it reaches the words whole ({@code del C:\\Users\\dev\\x.txt}).
     */
    static String windowsPaths(String command, RequestContext context) {
        if (command.indexOf('\\') < 0 || context.cwd().isEmpty() || !driveLetterPath(context.cwd().get())) {
            return command;
        }
        return backslashesKept(command);
    }

    /** The line with each backslash outside single quotes doubled, so that the shell's parser hands it on whole. */
    static String backslashesKept(String command) {
        StringBuilder out = new StringBuilder(command.length() + 8);
        boolean single = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                single = !single;
            }
            out.append(c);
            if (c == '\\' && !single) {
                out.append('\\');
            }
        }
        return out.toString();
    }

    /** Whether a recognizer, not the fallback, judges {@code program}. */
    boolean claims(String program) {
        return recognizers.containsKey(program);
    }

    Recognizer recognizerFor(String program) {
        Recognizer r = recognizers.get(program);
        return r != null ? r : fallback;
    }

    boolean hasRecognizer(String program) {
        return recognizers.containsKey(program);
    }

    List<Operation> sql(String statement, String dialect) {
        return sql.apply(statement, dialect);
    }
}
