package dev.interlock.analysis.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jupyter notebooks are code that runs later, cell by cell: when someone runs them, or a command does ({@code jupyter
 * nbconvert --execute}, {@code jupyter execute}, {@code papermill}). Their code cells as one shell script: the Python
 * of the cells as inline Python (as {@code python3 -} would read it), and the shell the kernel hands on — {@code !cmd}
 * lines, {@code x = !cmd}, {@code %sh}/{@code %system}, {@code %pip}, cells under {@code %%bash}/{@code %%sh}/{@code
 * %%script sh} — as commands. A notebook of another language's kernel (R, Julia, Scala) is not read as Python.
 */
public final class Notebooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Cell magics whose cell is shell. */
    private static final Pattern SHELL_CELL = Pattern.compile("%%(bash|sh|system|script\\s+(ba|z|k|da)?sh)\\b.*");
    /** Cell magics that time or capture the Python below them: the cell is still Python. */
    private static final Set<String> PYTHON_CELL = Set.of("%%time", "%%timeit", "%%capture", "%%prun", "%%debug");
    /** {@code files = !ls data}: the shell's output captured into a variable. */
    private static final Pattern CAPTURED = Pattern.compile("[\\w.]+\\s*=\\s*!(.*)");
    /** A line of an edit's JSON fragment that is one string of a cell's source: {@code "    conn.execute(…)\n",}. */
    private static final Pattern SOURCE_LINE = Pattern.compile("\\s*(\"(?:[^\"\\\\]|\\\\.)*\")\\s*,?\\s*");
    /** IPython fills {@code {expr}} and {@code $name} of a shell line from Python: a value only known when it runs. */
    private static final Pattern INTERPOLATED = Pattern.compile("\\{[^{}\\s]+\\}");

    private Notebooks() {
    }

    /**
     * {@code jupyter nbconvert --execute X.ipynb}, {@code jupyter execute X.ipynb}, {@code papermill X.ipynb out.ipynb}:
     * the notebooks a command runs, judged as their cells run now when their text is known (written earlier in the line,
     * or read by the adapter); otherwise the command is judged as before. Rendering without {@code --execute} runs nothing.
     */
    static void run(String program, List<Arg> args, SimpleCommands.Run run, ShellWalk walk) {
        boolean executes = executes(program, args.stream().map(Arg::value).toList());
        if (!executes) {
            return;
        }
        for (Arg a : args) {
            if (!a.literal() || !a.value().toLowerCase(Locale.ROOT).endsWith(".ipynb") || a.value().contains("://")) {
                continue;
            }
            walk.text(a.value()).map(Notebooks::script).filter(s -> !s.isBlank())
                    .ifPresent(s -> walk.nestedChild(s, run.evidence(), run.locators(), run.env()));
            if (program.equals("papermill")) {
                return; // the first notebook is the one run; the second is where its outputs go
            }
        }
    }

    /**
     * Whether the notebook command runs the notebook's cells: {@code papermill} unless it only prepares the notebook,
     * {@code jupyter execute}, {@code nbconvert} only with {@code --execute}.
     */
    public static boolean executes(String program, List<String> words) {
        return switch (program) {
            // papermill --prepare-only injects the parameters and writes the notebook out without running a cell
            case "papermill" -> !words.contains("--prepare-only") && !words.contains("--help-notebook");
            case "jupyter-execute" -> true;
            case "jupyter-nbconvert" -> words.stream().anyMatch(Notebooks::executeFlag);
            default -> !words.isEmpty() && (words.getFirst().equals("execute")
                    || words.getFirst().equals("nbconvert") && words.stream().anyMatch(Notebooks::executeFlag));
        };
    }

    private static boolean executeFlag(String w) {
        return w.equals("--execute") || w.startsWith("--ExecutePreprocessor.enabled=") && w.endsWith("True");
    }

    /**
     * The notebook's code as a shell script. {@code content} is the whole notebook (JSON), a fragment of it an edit
     * replaces (lines of a cell's {@code source}), or one cell's source (a notebook tool's cell edit).
     */
    static String script(String content) {
        String trimmed = content.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode root = JSON.readTree(trimmed);
                if (root != null && root.isObject()) {
                    return whole(root);
                }
            } catch (JsonProcessingException e) {
                // an edit's fragment that starts with a brace: read below, line by line
            }
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("\"") || trimmed.startsWith("[")) {
            return cell(fragmentSource(content));
        }
        return cell(content);
    }

    private static String whole(JsonNode root) {
        String language = root.path("metadata").path("kernelspec").path("language")
                .asText(root.path("metadata").path("language_info").path("name").asText("python"));
        if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).startsWith("python")) {
            return ""; // another language's kernel: neither its code nor its '!' reads as Python's
        }
        StringBuilder out = new StringBuilder();
        List<JsonNode> cells = new ArrayList<>();
        root.path("cells").forEach(cells::add);
        root.path("worksheets").forEach(w -> w.path("cells").forEach(cells::add)); // nbformat 3
        for (JsonNode c : cells) {
            if (!c.path("cell_type").asText("").equals("code")) {
                continue; // markdown and raw cells do not run
            }
            JsonNode source = c.has("source") ? c.get("source") : c.path("input");
            StringBuilder text = new StringBuilder();
            if (source.isArray()) {
                source.forEach(line -> text.append(line.asText("")));
            } else {
                text.append(source.asText(""));
            }
            out.append(cell(text.toString()));
        }
        return out.toString();
    }

    /** The source lines of an edit's JSON fragment: each line that is only a JSON string. */
    private static String fragmentSource(String content) {
        StringBuilder text = new StringBuilder();
        for (String line : content.split("\n")) {
            Matcher m = SOURCE_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            try {
                String s = JSON.readValue(m.group(1), String.class);
                text.append(s).append(s.endsWith("\n") ? "" : "\n");
            } catch (JsonProcessingException e) {
                // not a JSON string after all
            }
        }
        return text.toString();
    }

    /** One code cell: its shell lines as commands, its Python as inline Python. */
    private static String cell(String source) {
        if (source.isBlank()) {
            return "";
        }
        String[] lines = source.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        String magic = lines[first].strip();
        if (magic.startsWith("%%")) {
            String body = String.join("\n", java.util.Arrays.copyOfRange(lines, first + 1, lines.length));
            if (SHELL_CELL.matcher(magic).matches()) {
                return body + "\n";
            }
            if (!PYTHON_CELL.contains(magic.split("\\s+", 2)[0])) {
                return ""; // %%html, %%javascript, %%writefile …: not code the kernel runs as Python or shell
            }
            lines = java.util.Arrays.copyOfRange(lines, first + 1, lines.length);
        }
        StringBuilder shell = new StringBuilder();
        StringBuilder python = new StringBuilder();
        boolean code = false;
        for (String line : lines) {
            String s = line.strip();
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            String command = shellLine(s);
            if (command != null) {
                shell.append(INTERPOLATED.matcher(command).replaceAll("\"\\${INTERLOCK_NOTEBOOK_VALUE}\"")).append('\n');
                python.append(indent).append("pass\n"); // keeps the block the line stood in
            } else if (s.startsWith("%")) {
                python.append(indent).append("pass\n"); // another line magic (%matplotlib, %load_ext …)
            } else {
                python.append(line).append('\n');
                code |= !s.isEmpty() && !s.startsWith("#");
            }
        }
        return shell + (code ? LaterRuns.python(python.toString()) : "");
    }

    /** The command of a line the kernel hands to the shell, or null. */
    private static String shellLine(String s) {
        if (s.startsWith("!")) {
            return s.substring(s.startsWith("!!") ? 2 : 1);
        }
        for (String magic : List.of("%sh ", "%system ", "%sx ")) {
            if (s.startsWith(magic)) {
                return s.substring(magic.length());
            }
        }
        if (s.startsWith("%pip ") || s.startsWith("%conda ")) {
            return s.substring(1);
        }
        if (s.startsWith("%run ") && s.endsWith(".py")) {
            return "python3 " + s.substring(5).strip();
        }
        if (s.indexOf('!') > 0) {
            Matcher m = CAPTURED.matcher(s);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }
}
