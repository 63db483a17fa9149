package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Terraform pull-request automation run by comment (Atlantis, Digger, Terrateam): a comment that starts with the bot's
 * name is a command its server runs with the project's credentials. A plan only reads; an apply (or an import, a
 * state edit) changes the environment of the project, directory or workspace it names — every project the pull
 * request plans when it names none; an unlock releases only this pull request's own locks and plans; approving
 * policies waves failed policy checks through as the commenter, as a human's review would.
 */
public final class CommentCommands {

    /** What a command does, by bot and command word. */
    private static final Map<String, Map<String, Verb>> BOTS = Map.of(
            "atlantis", Map.of("plan", Verb.READ, "version", Verb.READ, "help", Verb.READ, "apply", Verb.UPDATE,
                    "import", Verb.UPDATE, "state", Verb.UPDATE, "unlock", Verb.UPDATE, "approve_policies", Verb.ESCALATE),
            "digger", Map.of("plan", Verb.READ, "apply", Verb.UPDATE, "lock", Verb.UPDATE, "unlock", Verb.UPDATE),
            "terrateam", Map.of("plan", Verb.READ, "help", Verb.READ, "apply", Verb.UPDATE, "apply-autoapprove", Verb.UPDATE,
                    "apply-force", Verb.UPDATE, "unlock", Verb.UPDATE));

    /** Commands that change what the state records (as {@code terraform import} and {@code terraform state rm} do). */
    private static final List<String> STATE = List.of("import", "state");

    /** Commands that touch only the pull request's own locks on the bot's server. */
    private static final List<String> LOCKS = List.of("lock", "unlock");

    private CommentCommands() {
    }

    /** The command a comment's text gives a Terraform bot, without evidence (the caller adds its own), if it is one. */
    public static Optional<Operation.Builder> of(String body) {
        List<String> words = List.of(body.strip().split("\\s+"));
        Map<String, Verb> commands = BOTS.get(words.getFirst().toLowerCase(java.util.Locale.ROOT));
        if (commands == null || words.size() < 2 || !commands.containsKey(words.get(1))) {
            return Optional.empty();
        }
        String bot = words.getFirst().toLowerCase(java.util.Locale.ROOT);
        String command = words.get(1);
        Verb verb = commands.get(command);
        String project = flag(words, "-p", "--project").orElse("");
        String directory = flag(words, "-d", "--dir").or(() -> tag(words, "dir:")).orElse("");
        String workspace = flag(words, "-w", "--workspace").or(() -> tag(words, "workspace:")).orElse("");
        String name = !project.isEmpty() ? project : !directory.isEmpty() ? directory : !workspace.isEmpty() ? workspace
                : "every project in the pull request";
        Operation.Builder b = Operation.builder("terraform", verb).resource(STATE.contains(command) ? "state" : "project", name)
                .locator("project", project).locator("directory", directory).locator("workspace", workspace)
                .locator("environment", IacArgs.environmentOfPath("/" + directory).orElse(project))
                .scope(verb == Verb.READ ? Scope.ONE : Scope.MANY)
                .note("asks " + bot + " to " + command + (verb == Verb.READ ? "; its server only plans"
                        : "; its server runs it with the project's credentials"));
        if (LOCKS.contains(command)) {
            b.scope(Scope.ONE).environment(Tier.LOCAL, bot + " " + command + " changes only this pull request's own locks");
        }
        if (verb == Verb.ESCALATE) {
            b.note("approves failed policy checks as the commenter: it counts as a human's review");
        }
        return Optional.of(b);
    }

    private static Optional<String> flag(List<String> words, String... names) {
        for (int i = 2; i + 1 < words.size(); i++) {
            if (List.of(names).contains(words.get(i))) {
                return Optional.of(words.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** Terrateam's tag queries: {@code terrateam apply dir:envs/prod}. */
    private static Optional<String> tag(List<String> words, String prefix) {
        return words.stream().skip(2).filter(w -> w.startsWith(prefix)).map(w -> w.substring(prefix.length())).findFirst();
    }
}
