package dev.interlock.analysis.shell.recognizers.vcs;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gerrit's ssh commands ({@code ssh -p 29418 HOST gerrit COMMAND}): listings, queries and {@code show-*} read;
 * {@code set-members GROUP --add USER} changes who may do what (into an administrators' group it hands over the whole
 * server: escalation); {@code delete-project} deletes a repository with its reviews. The ssh host places it.
 */
public final class GerritCommands implements Recognizer {

    private static final Act ADMIN = new Act(Verb.ESCALATE, "group", false, false, Scope.ALL,
            "adds members to an administrators' group: they administer the whole Gerrit server");

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "ls-projects ls-groups ls-members ls-user-refs query show-caches show-connections show-queue version "
                    + "stream-events apropos check-project-access logging", read("gerrit"))
            .add("logging", "ls-level ls", read("logging"))
            .add("", "set-members create-group rename-group set-project-parent", grant("group"))
            .add("", "delete-project", delete("repository").note("deletes the project with its history and reviews"))
            .add("delete-project", "delete", delete("repository").note("deletes the project with its history and reviews"))
            .add("", "create-project create-branch", create("repository"))
            .add("", "create-account", create("account"))
            .add("", "set-account", grant("account").note("changes an account's keys, passwords or state"))
            .add("", "set-project set-head set-reviewers set-topic review index flush-caches gc reload-config "
                    + "close-connection kill plugin copy-approvals sequence", update("gerrit"))
            .add("", "gsql", execute("database").note("runs SQL against Gerrit's review database"))
            .build();

    /** {@code gerrit review} options that vote, submit or change the change's state (anything but a comment). */
    private static final Set<String> REVIEW_ACTIONS = Set.of("--code-review", "--verified", "--label", "-l", "--submit", "-s",
            "--abandon", "--restore", "--rebase", "--move", "--publish", "--ready", "--wip", "--private", "--remove-private",
            "--delete", "--tag", "-t", "--json", "-j");

    private static boolean votesOrActs(String word) {
        return REVIEW_ACTIONS.contains(word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
    }

    /** Groups whose members administer the server. */
    private static final Set<String> ADMIN_GROUPS = Set.of("administrators", "admins", "admin");

    @Override
    public Set<String> programs() {
        return Set.of("gerrit");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = new ArrayList<>();
        for (Arg a : inv.args()) {
            if (!a.value().startsWith("-")) {
                words.add(a.value());
            }
        }
        if (words.isEmpty() || inv.words().contains("--help") || inv.words().contains("-h")) {
            return List.of();
        }
        CommandTable.Found found = TABLE.findOrGuess(words, 1, "gerrit");
        Act act = found.act();
        String name = found.words() < words.size() ? words.get(found.words()) : "";
        if (found.command().equals("set-members") && ADMIN_GROUPS.contains(name.toLowerCase(Locale.ROOT).replace("\"", ""))
                && (inv.words().contains("--add") || inv.words().contains("-a") || inv.words().contains("--include"))) {
            act = ADMIN;
        } else if (found.command().equals("review") && inv.words().stream().noneMatch(GerritCommands::votesOrActs)) {
            // only --message: a comment on the change, as a comment on a pull request is
            act = new Act(Verb.CREATE, "comment", false, false, Scope.ONE, "comments on the change without voting");
            return List.of(act.operation(inv, "gerrit", words.getLast()).environment(Tier.DEV,
                    "a review comment changes no code").build());
        } else if (found.command().equals("set-account") && inv.words().stream()
                .anyMatch(w -> w.startsWith("--generate-http-password") || w.startsWith("--http-password"))) {
            act = credential("http-password").note("sets or prints an account's HTTP password");
        }
        return List.of(act.placed(inv, "gerrit", name, Map.of(), Tier.UNKNOWN, ""));
    }
}
