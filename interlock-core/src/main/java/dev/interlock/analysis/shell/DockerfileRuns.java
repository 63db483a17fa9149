package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands a Dockerfile (or Containerfile) runs on the build machine: its {@code RUN} lines (also under
 * {@code ONBUILD}), in shell form, exec form ({@code ["sh", "-c", "…"]}) and heredocs, as one script. The build runs
 * them in a throwaway container, so what they do to that container (packages, files, users) is the image's own
 * business; what reaches beyond it is not: code fetched and run unseen ({@code curl … | sh}), data sent away, and
 * changes to shared environments ({@link #beyondTheBuild}).
 */
public final class DockerfileRuns {

    private static final Pattern RUN = Pattern.compile("(?i)^\\s*(?:ONBUILD\\s+)?RUN\\s+(.*)$", Pattern.DOTALL);
    /** RUN's own options: {@code --mount=…}, {@code --network=…}, {@code --security=…}. */
    private static final Pattern OPTIONS = Pattern.compile("^(--[a-z-]+=\\S+\\s+)+");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*[\"']?(\\w+)[\"']?");
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)\\s*(FROM|RUN|COPY|ADD|ENV|ARG|WORKDIR|USER|EXPOSE|CMD|ENTRYPOINT|LABEL"
            + "|VOLUME|SHELL|HEALTHCHECK|ONBUILD|STOPSIGNAL|MAINTAINER)\\b");
    /** What a continued RUN line starts with: the operator joining it to the line before. */
    private static final Pattern CONTINUED = Pattern.compile("^\\s*(&&|\\|\\||;)\\s*");
    private static final Pattern EXEC_WORD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private DockerfileRuns() {
    }

    /**
     * The commands of every RUN instruction, a line (or a heredoc) each. An edit's fragment with no instruction in it
     * is the inside of a RUN line ({@code && curl … | bash}).
     */
    public static String script(String dockerfile) {
        StringBuilder out = new StringBuilder();
        List<String> lines = instructions(dockerfile);
        if (lines.stream().noneMatch(l -> INSTRUCTION.matcher(l).lookingAt())) {
            lines.forEach(l -> out.append(CONTINUED.matcher(l).replaceFirst("")).append('\n'));
            return out.toString();
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher run = RUN.matcher(lines.get(i));
            if (!run.matches()) {
                continue;
            }
            String command = OPTIONS.matcher(run.group(1).strip()).replaceFirst("");
            if (command.startsWith("[")) {
                out.append(exec(command)).append('\n');
                continue;
            }
            Matcher heredoc = HEREDOC.matcher(command);
            if (heredoc.find()) {
                // the body follows the instruction up to its delimiter; without a command it is the script itself
                StringBuilder body = new StringBuilder();
                while (i + 1 < lines.size() && !lines.get(i + 1).strip().equals(heredoc.group(1))) {
                    body.append(lines.get(++i)).append('\n');
                }
                i++;
                String before = command.substring(0, heredoc.start()).strip();
                out.append(before.isEmpty() ? body : command + "\n" + body + heredoc.group(1) + "\n");
                continue;
            }
            out.append(command).append('\n');
        }
        return out.toString();
    }

    /** Whether an operation of the build reaches beyond the throwaway container it runs in. */
    public static boolean beyondTheBuild(Operation op) {
        if (op.verb() == Verb.TRANSFER) {
            return true;
        }
        return op.verb() != Verb.READ && op.environment() != Tier.LOCAL && op.environment() != Tier.DEV;
    }

    /** Logical lines: continuations ({@code \} at the end) joined, comments dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.replace("\r", "").split("\n")) {
            if (raw.strip().startsWith("#")) {
                continue; // comments, also inside a continued instruction, are dropped by the builder
            }
            if (raw.endsWith("\\") && !raw.endsWith("\\\\")) {
                current.append(raw, 0, raw.length() - 1).append(' ');
                continue;
            }
            current.append(raw);
            out.add(current.toString());
            current.setLength(0);
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    /** {@code ["sh", "-c", "curl … | sh"]} as a shell line, each word quoted. */
    private static String exec(String json) {
        StringBuilder line = new StringBuilder();
        Matcher word = EXEC_WORD.matcher(json);
        while (word.find()) {
            String w = Regex.replaceAll(word.group(1), "\\\\(.)", "$1");
            line.append(line.isEmpty() ? "" : " ").append('\'').append(w.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }
}
