package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.iac.CommentCommands;
import dev.interlock.model.FileChange;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * github/github-mcp-server: a push is judged like {@code git push origin BRANCH} (shared branches are protected), the
 * files it writes by what they are (a workflow under {@code .github/workflows} is a CI pipeline), a repository
 * deletion as teardown, a merge or a workflow run as a change that needs a human outside a sandbox. Issues, pull
 * requests and comments are conversation, not infrastructure.
 */
final class GitHubTools {

    private GitHubTools() {
    }

    /**
     * Its file tools have generic names ({@code delete_file}, {@code get_file_contents}): they are commits only on a server
     * named for a code forge or with a repository's {@code owner}/{@code repo} among the arguments; a SharePoint or SFTP
     * server's {@code delete_file} deletes. Issue, pull-request and branch tools are conversation on any tracker.
     */
    private static final Pattern FORGE = Pattern.compile("(?i).*(git|gh|forge|bitbucket|gitea|codeberg).*");
    private static final java.util.Set<String> FILE_TOOLS = java.util.Set.of("delete_file", "create_or_update_file", "push_files",
            "get_file_contents");

    static final ToolFamily FAMILY = new ToolFamily("github", c -> !FILE_TOOLS.contains(c.tool()) || FORGE.matcher(c.server()).matches()
            || !c.text("owner", "repo", "repository").isEmpty(), Map.ofEntries(
            Map.entry("delete_repository", c -> List.of(c.op("github", Verb.DELETE, "repository", repo(c)).scope(Scope.ALL)
                    .stateful(true).reversible(false).note("deletes the repository with its history, issues and pull requests").build())),
            Map.entry("push_files", c -> push(c, files(c))),
            Map.entry("create_or_update_file", c -> push(c, List.of(new FileChange(c.text("path"), FileChange.Action.WRITE, c.text("content"), "")))),
            Map.entry("delete_file", c -> push(c, List.of(new FileChange(c.text("path"), FileChange.Action.DELETE, "", "")))),
            Map.entry("get_file_contents", GitHubTools::contents),
            Map.entry("merge_pull_request", c -> List.of(c.op("github", Verb.UPDATE, "pull-request", repo(c) + "#" + c.text("pullNumber", "pull_number"))
                    .note("merges the pull request into its base branch (" + (c.text("merge_method").isEmpty() ? "merge" : c.text("merge_method")) + ")").build())),
            Map.entry("actions_run_trigger", GitHubTools::workflow),
            Map.entry("run_workflow", GitHubTools::workflow),
            Map.entry("create_issue", GitHubTools::conversation),
            Map.entry("update_issue", GitHubTools::conversation),
            Map.entry("add_issue_comment", GitHubTools::conversation),
            Map.entry("create_pull_request", GitHubTools::conversation),
            Map.entry("update_pull_request", GitHubTools::conversation),
            Map.entry("create_pull_request_review", GitHubTools::review),
            Map.entry("pull_request_review_write", GitHubTools::review),
            Map.entry("submit_pending_pull_request_review", GitHubTools::review),
            Map.entry("create_pending_pull_request_review", GitHubTools::conversation),
            Map.entry("add_comment_to_pending_review", GitHubTools::conversation),
            Map.entry("add_pull_request_review_comment_to_pending_review", GitHubTools::conversation),
            Map.entry("update_pull_request_branch", GitHubTools::conversation),
            Map.entry("request_copilot_review", GitHubTools::conversation),
            Map.entry("add_sub_issue", GitHubTools::conversation),
            Map.entry("create_branch", GitHubTools::conversation)));

    /**
     * A review is conversation unless it approves: an approval made with the user's token counts as a human's for
     * branch protection, so an agent approving a pull request (its own, say) grants itself the second reviewer.
     */
    private static List<Operation> review(McpCall c) {
        String event = c.text("event");
        if (!event.equalsIgnoreCase("APPROVE")) {
            return conversation(c);
        }
        return List.of(c.op("github", Verb.ESCALATE, "pull-request", repo(c) + "#" + c.text("pullNumber", "pull_number"))
                .note("approves the pull request as the token's owner: it counts as a human review for branch protection").build());
    }

    private static String repo(McpCall c) {
        String owner = c.text("owner");
        String repo = c.text("repo", "repository");
        return owner.isEmpty() ? repo : owner + "/" + repo;
    }

    private static List<FileChange> files(McpCall c) {
        List<FileChange> out = new ArrayList<>();
        for (JsonNode f : c.arguments().path("files")) {
            out.add(new FileChange(f.path("path").asText(""), FileChange.Action.WRITE, f.path("content").asText(""), ""));
        }
        out.removeIf(f -> f.path().isBlank());
        return out;
    }

    /**
     * A commit pushed to BRANCH: the push as git would be judged, plus what the files are (a CI pipeline, an agent's
     * hook settings); ordinary files in a remote repository are not this machine's files and add nothing.
     */
    private static List<Operation> push(McpCall c, List<FileChange> files) {
        String branch = c.text("branch");
        List<Operation> ops = new ArrayList<>(c.analyses().shell(Shell.join(List.of("git", "push", "origin", branch.isEmpty() ? "HEAD" : branch))));
        if (!files.isEmpty()) {
            for (Operation op : c.analyses().files(files)) {
                if (!op.system().equals("filesystem")) {
                    ops.add(op.toBuilder().locator("repository", repo(c)).locator("branch", branch).build());
                }
            }
        }
        for (FileChange f : files) {
            committedSecret(f).ifPresent(what -> ops.add(c.op("github", Verb.TRANSFER, "credentials", repo(c) + ":" + f.path())
                    .locator("branch", branch).note("commits " + what + " to the repository: everyone who can read it, and its history, "
                            + "has them").build()));
        }
        if (!branch.isEmpty() && dev.interlock.analysis.shell.recognizers.vcs.GitRefs.shared(branch)) {
            // a commit written straight onto main through the API: no pull request, no review, no CI before it lands
            ops.add(c.op("github", Verb.UPDATE, "branch", repo(c) + ":" + branch).locator("branch", branch)
                    .note("commits straight to the shared branch " + branch + ", bypassing review").build());
        }
        List<Operation> out = new ArrayList<>();
        for (Operation op : ops) {
            out.add(op.toBuilder().evidence(c.evidence()).locator("mcp-server", c.server()).build());
        }
        return out;
    }

    /** Secret values as they are written into files: live keys, private keys, AWS keys, tokens, a URL's password. */
    private static final List<Map.Entry<String, Pattern>> SECRET_VALUES = List.of(
            Map.entry("a live Stripe key", Pattern.compile("\\b[rs]k_live_[A-Za-z0-9]{4,}")),
            Map.entry("a private key", Pattern.compile("-----BEGIN[ A-Z]*PRIVATE KEY-----")),
            Map.entry("an AWS access key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b|(?i)aws_secret_access_key\\s*[=:]\\s*[A-Za-z0-9/+]{30,}")),
            Map.entry("a token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20,}"
                    + "|xox[abprs]-[A-Za-z0-9-]{10,})")),
            // a placeholder (${DB_PASSWORD}, <password>) is not a password
            Map.entry("a connection string with its password",
                    Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^:/@\\s]+:(?![$<{*]|password@)[^@/\\s]{3,}@")));

    /**
     * What secret a committed file carries: it is a dotenv file ({@code .env.production}; templates are not), or its
     * content holds a secret value; empty for other files.
     */
    private static java.util.Optional<String> committedSecret(FileChange f) {
        if (f.action() != FileChange.Action.WRITE) {
            return java.util.Optional.empty();
        }
        String content = f.content() == null ? "" : f.content();
        for (Map.Entry<String, Pattern> v : SECRET_VALUES) {
            if (v.getValue().matcher(content).find()) {
                return java.util.Optional.of(v.getKey());
            }
        }
        // a dotenv file is where values go in clear; a secrets.yml may only name variables (<%= ENV[…] %>)
        String name = Regex.replaceFirst(f.path(), ".*/", "");
        boolean secretFile = !content.isBlank() && name.startsWith(".env") && dev.interlock.analysis.shell.recognizers.secrets.SecretFiles.isSecret(
                "/repository/" + Regex.replaceFirst(f.path(), "^/+", ""));
        return secretFile ? java.util.Optional.of("the secrets file " + f.path()) : java.util.Optional.empty();
    }

    /**
     * A file read from the repository: a read, unless it is a secret file someone committed ({@code .env.production},
     * {@code id_rsa}, {@code credentials.json}): its content is a credential wherever it is read from.
     */
    private static List<Operation> contents(McpCall c) {
        String path = c.text("path");
        boolean secret = !path.isBlank() && dev.interlock.analysis.shell.recognizers.secrets.SecretFiles.isSecret(
                "/" + repo(c) + "/" + Regex.replaceFirst(path, "^/+", ""));
        return List.of(c.op("github", secret ? Verb.CREDENTIAL : Verb.READ, "file", repo(c) + ":" + path)
                .locator("branch", c.text("ref", "branch"))
                .note(secret ? "reads a secret file committed to the repository" : "reads a file of the repository").build());
    }

    private static List<Operation> workflow(McpCall c) {
        return List.of(c.op("github", Verb.EXECUTE, "workflow", repo(c) + "/" + c.text("workflow_id", "workflow"))
                .locator("branch", c.text("ref")).note("runs a GitHub Actions workflow with the repository's secrets").build());
    }

    /** Issues, pull requests, reviews, comments, branches: reversible collaboration, judged like work in the workspace. */
    private static List<Operation> conversation(McpCall c) {
        // a comment that is a Terraform bot's command (atlantis apply -p prod-network) is judged as what the bot runs
        var command = c.tool().contains("comment") ? CommentCommands.of(c.text("body")) : java.util.Optional.<Operation.Builder>empty();
        if (command.isPresent()) {
            return List.of(command.get().locator("repository", repo(c)).evidence(c.evidence()).locator("mcp-server", c.server()).build());
        }
        Verb verb = c.tool().startsWith("create") || c.tool().startsWith("add") ? Verb.CREATE : Verb.UPDATE;
        return List.of(TrackerTools.collaboration(c, "github", verb, c.tool().replaceFirst("^(create|update|add)_", ""), repo(c),
                "a GitHub conversation (issue, pull request, review, comment, branch)"));
    }
}
