package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atlantis's repository ({@code atlantis.yaml}) and server ({@code repos.yaml}) configuration written so that a
 * production project applies without the review Atlantis would wait for: {@code apply_requirements} emptied or left
 * without {@code approved}, or {@code autoapply}/{@code automerge} switched on, for a project whose name, directory or
 * repository id says production. That weakens the control in front of production as much as the apply it lets through
 * later; other edits of these files (a new dev project, a workflow's steps) stay ordinary edits. Only the file's base
 * name is tested first, so other files cost one comparison.
 */
public final class AtlantisConfig {

    private static final List<String> FILES = List.of("atlantis.yaml", "atlantis.yml", "repos.yaml", "repos.yml");
    /** The start of a list item that is a project or a repository. */
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s+(name|dir|id|workspace)\\s*:\\s*(.*)$");
    private static final Pattern KEY = Pattern.compile("^\\s*(name|dir|id|workspace)\\s*:\\s*(.*)$");
    private static final Pattern REQUIREMENTS = Pattern.compile("^\\s*apply_requirements\\s*:\\s*(.*)$");
    private static final Pattern AUTO = Pattern.compile("^\\s*(autoapply|auto_apply|automerge)\\s*:\\s*['\"]?true\\b.*$");

    private AtlantisConfig() {
    }

    /** The control {@code content}, the new text of the file at {@code path}, weakens for a production project, if any. */
    public static Optional<Operation.Builder> weakened(String path, String content) {
        String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (!FILES.contains(base) || content.isBlank()) {
            return Optional.empty();
        }
        String[] lines = content.split("\n");
        boolean everyProject = false; // a top-level automerge acts on every project of the repository
        List<String> weakenings = new ArrayList<>();
        String project = "";
        String production = "";
        List<String> blockWeakenings = new ArrayList<>();
        boolean blockProduction = false;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "- name: end";
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                if (blockProduction && !blockWeakenings.isEmpty()) {
                    weakenings.addAll(blockWeakenings);
                    production = production.isEmpty() ? project : production;
                }
                blockWeakenings = new ArrayList<>();
                blockProduction = false;
                project = "";
            }
            Matcher key = item.matches() ? item : KEY.matcher(line);
            if (key.matches()) {
                String value = unquoted(key.group(key.groupCount()));
                project = project.isEmpty() || key.group(key.groupCount() - 1).equals("name") ? value : project;
                blockProduction |= IacArgs.environmentOfPath("/" + value).filter("production"::equals).isPresent();
            }
            Matcher auto = AUTO.matcher(line);
            if (auto.matches()) {
                if (line.startsWith(auto.group(1)) && !item.matches()) {
                    everyProject = true; // at the top level of the file
                } else {
                    blockWeakenings.add(auto.group(1) + " on");
                }
            }
            Matcher requirements = REQUIREMENTS.matcher(line);
            if (requirements.matches() && !requires(requirements.group(1), lines, i)) {
                blockWeakenings.add("apply_requirements without approved");
            }
        }
        if (weakenings.isEmpty() && !(everyProject && production(lines))) {
            return Optional.empty();
        }
        String what = weakenings.isEmpty() ? "automerge on for every project" : String.join(", ", weakenings);
        String name = production.isEmpty() ? "every project" : production;
        return Optional.of(Operation.builder("atlantis", Verb.UPDATE).resource("apply-requirements", name)
                .locator("path", path).locator("environment", "production").scope(weakenings.isEmpty() ? Scope.MANY : Scope.ONE)
                .reversible(true)
                .note("sets " + what + " for a production project: Atlantis would apply it without the approval it waits for now"));
    }

    /** Whether the requirements that start on {@code lines[at]} (inline {@code […]} or a list below) include approval. */
    private static boolean requires(String inline, String[] lines, int at) {
        String v = inline.strip();
        if (!v.isEmpty() && !v.startsWith("#")) {
            return v.contains("approved");
        }
        for (int j = at + 1; j < lines.length && lines[j].stripLeading().startsWith("-")
                && !ITEM.matcher(lines[j]).matches(); j++) {
            if (lines[j].contains("approved")) {
                return true;
            }
        }
        return false;
    }

    /** Whether any project or repository of the file is named for production. */
    private static boolean production(String[] lines) {
        for (String line : lines) {
            Matcher key = KEY.matcher(line.replaceFirst("^(\\s*)-\\s+", "$1"));
            if (key.matches() && IacArgs.environmentOfPath("/" + unquoted(key.group(2))).filter("production"::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String unquoted(String value) {
        String v = value.strip();
        int comment = v.indexOf(" #");
        v = comment >= 0 ? v.substring(0, comment).strip() : v;
        return v.length() > 1 && (v.startsWith("\"") || v.startsWith("'")) ? v.substring(1, v.length() - 1) : v;
    }
}
