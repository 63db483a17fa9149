package dev.interlock.analysis.shell.recognizers.dataplatforms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * lakeFS's CLI, {@code lakectl}: Git-like branches over a data lake. Logs, diffs, listings and reading objects read;
 * commits, merges, uploads and reverts change a branch; deleting a branch, resetting it (its uncommitted changes are
 * lost), removing objects and deleting a repository lose data; garbage-collection rules decide what the next
 * collection deletes for good. Where: the repository a {@code lakefs://REPO/REF/path} URI names (placed like a bucket,
 * which is what lakeFS's S3 gateway makes it: {@code lakefs://dev-lake} is dev) and the server
 * {@code LAKECTL_SERVER_ENDPOINT_URL} names.
 */
final class LakeFs {

    private LakeFs() {
    }

    private static final Set<String> VALUED = Set.of("-m", "--message", "--meta", "-s", "--source", "--from", "--to",
            "--prefix", "--object", "-d", "--default-branch", "--storage-id", "--amount", "-a", "--after", "--limit",
            "--content-type", "--config", "-c", "--log-level", "--output", "-o", "--parent-number", "-p", "--filename",
            "--branch", "--path", "--two-way");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("repo", "list", read("repository"))
            .add("repo", "create create-bare", create("repository"))
            .add("repo", "delete", delete("repository").all().note("deletes the repository: every branch, commit and object in it"))
            .add("branch", "list show", read("branch"))
            .add("branch", "create", create("branch"))
            .add("branch", "delete", delete("branch").note("deletes the branch and its uncommitted changes"))
            .add("branch", "reset", delete("branch").note("discards the branch's uncommitted changes"))
            .add("branch", "revert", update("branch").note("commits the inverse of the given commits"))
            .add("branch-protect", "list", read("branch-protection"))
            .add("branch-protect", "add delete", update("branch-protection"))
            .add("", "log diff show blame find-merge-base annotate cat-hook-output doctor identity usage refs-dump", read("branch"))
            .add("", "commit merge import ingest cherry-pick", update("branch"))
            .add("", "refs-restore", replace("repository").note("rewrites the repository's refs from a dump"))
            .add("fs", "ls cat stat download presign", read("object"))
            .add("fs", "upload stage update-metadata", update("object"))
            .add("fs", "rm", delete("object"))
            .add("tag", "list show", read("tag"))
            .add("tag", "create", create("tag"))
            .add("tag", "delete", delete("tag"))
            .add("gc", "get-config", read("retention"))
            .add("gc", "set-config delete-config", update("retention")
                    .note("changes the garbage-collection rules: what they expire is deleted for good at the next collection"))
            .add("actions", "validate", read("action"))
            .add("actions runs", "list describe", read("action"))
            .add("local", "list status", read("checkout"))
            .add("local", "init clone pull checkout", local("checkout"))
            .add("local", "commit", update("branch").note("commits the local directory's changes to the remote branch"))
            .add("", "config completion docs help", local("configuration"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, words.isEmpty() ? "branch" : words.getFirst());
        CommandTable.Act act = found.act();
        if (found.command().startsWith("auth ") && act.verb() != Verb.READ) {
            act = grant("access").note("changes who may do what in lakeFS");
        }
        if (found.command().equals("fs rm") && p.has("-r", "--recursive")) {
            act = act.many();
        }
        String uri = words.stream().filter(w -> w.startsWith("lakefs://")).findFirst().orElse("");
        Operation.Builder b = act.operation(inv, "lakefs", uri);
        if (act.here()) {
            return List.of(b.build());
        }
        String repository = repository(uri);
        if (!repository.isEmpty()) {
            b.locator("bucket", repository);
        }
        String host = Hosts.of(inv.env().getOrDefault("LAKECTL_SERVER_ENDPOINT_URL", ""));
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }

    /** {@code lakefs://dev-lake/main/a.csv} → {@code dev-lake}. */
    static String repository(String uri) {
        if (!uri.startsWith("lakefs://")) {
            return "";
        }
        String rest = uri.substring("lakefs://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
