package dev.interlock.analysis.shell.recognizers.saas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ticket trackers' and shared drives' CLIs, one command table each: jira-cli's {@code jira}, the Linear CLI's
 * {@code linear} and {@code gdrive}. They act on the team's shared tickets and files, never on this machine: listing,
 * viewing and downloading read; moving, editing, assigning, creating and deleting change what others work from, and an
 * item fed by {@code xargs} stands for many. Sharing a file is a grant, to everyone when its type is {@code anyone}.
 */
public final class WorkTrackers implements Recognizer {

    private static final Set<String> VALUED = Set.of("-q", "--jql", "-p", "--project", "-s", "--status", "-y", "--priority",
            "-a", "--assignee", "-r", "--reporter", "-t", "--type", "-l", "--label", "--columns", "-c", "--config", "--order-by",
            "--paginate", "-b", "--body", "-m", "--comment", "--parent", "-P", "--custom", "--fix-version", "-C", "--component",
            "--summary", "--team", "--state", "--title", "--description", "-d", "--role", "--email", "--domain", "--parent-id",
            "--query", "--max", "--destination", "--mime", "--field-separator");

    private static final CommandTable JIRA = CommandTable.builder()
            .add("issue", "list ls search view show", read("issue"))
            .add("issue", "create", create("issue").note("opens a ticket on the team's board"))
            .add("issue", "edit assign move transition link unlink clone watch comment worklog",
                    update("issue").note("changes a shared ticket others work from"))
            .add("issue", "delete remove rm", delete("issue"))
            .add("epic", "list ls view", read("epic"))
            .add("epic", "create", create("epic"))
            .add("epic", "add remove", update("epic").note("changes which tickets the epic holds"))
            .add("sprint", "list ls view", read("sprint"))
            .add("sprint", "add close start", update("sprint").note("changes a sprint the team plans by"))
            .add("project", "list ls", read("project"))
            .add("board", "list ls", read("board"))
            .add("release", "list ls", read("release"))
            .add("", "me serverinfo version open completion man", read("account"))
            .add("", "init", local("config"))
            .build();

    private static final CommandTable LINEAR = CommandTable.builder()
            .add("issue", "list ls view show url id title print describe", read("issue"))
            .add("issue", "create", create("issue").note("opens a ticket on the team's board"))
            .add("issue", "update edit start assign move comment", update("issue").note("changes a shared ticket others work from"))
            .add("issue", "delete remove archive", delete("issue"))
            .add("team", "list ls members id", read("team"))
            .add("project", "list ls view", read("project"))
            .add("", "whoami", read("account"))
            .add("", "config", local("config"))
            .build();

    private static final CommandTable GDRIVE = CommandTable.builder()
            .add("files", "list ls info download export", read("file"))
            .add("files", "upload import mkdir copy", create("file"))
            .add("files", "update rename move", update("file"))
            .add("files", "delete", delete("file"))
            .add("permissions", "list ls", read("permission"))
            .add("permissions", "share revoke", grant("file"))
            .add("drives", "list ls", read("drive"))
            .add("account", "list current", read("account"))
            .add("account", "add switch remove import", local("account"))
            .add("account", "export", credential("account").note("writes the account's OAuth tokens into an archive"))
            // gdrive 2's flat commands
            .add("", "list info download about", read("file"))
            .add("", "upload mkdir import", create("file"))
            .add("", "update", update("file"))
            .add("", "delete", delete("file"))
            .add("", "share", grant("file"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("jira", "linear", "gdrive");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        List<Arg> positionals = p.positionals();
        List<String> command = positionals.stream().map(Arg::value).toList();
        if (command.isEmpty()) {
            return List.of();
        }
        String program = inv.program();
        CommandTable table = switch (program) {
            case "jira" -> JIRA;
            case "linear" -> LINEAR;
            default -> GDRIVE;
        };
        CommandTable.Found found = table.findOrGuess(command, 2, program.equals("gdrive") ? "file" : "issue");
        CommandTable.Act act = found.act();
        Arg target = found.words() < positionals.size() ? positionals.get(found.words()) : Arg.of("");
        if (act.verb() != Verb.READ && (target.glob() || !target.literal() && target.value().startsWith("<"))) {
            // jira issue list … | xargs -I{} jira issue move {} Closed: one command per listed ticket
            act = act.many();
        }
        if (act.verb() == Verb.GRANT) {
            boolean anyone = p.value("--type").map("anyone"::equalsIgnoreCase).orElse(false);
            act = (anyone ? act.all() : act).note(found.command().endsWith("revoke") ? "removes someone's access to the file"
                    : anyone ? "shares the file with anyone who has the link" + p.value("--role").map(r -> " as " + r).orElse("")
                    + ": it is public" : "shares the file with someone else");
        }
        String system = program.equals("gdrive") ? "google-drive" : program;
        return List.of(act.placed(inv, system, target.value(), Map.of("project", p.value("-p", "--project", "--team").orElse("")),
                Tier.UNKNOWN, system + " acts on the team's shared tickets and files, not on this machine"));
    }
}
