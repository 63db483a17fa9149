package dev.interlock.analysis.shell.recognizers.packages;

import static dev.interlock.analysis.shell.recognizers.packages.Publishing.op;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.iac.CommentCommands;
import dev.interlock.analysis.shell.recognizers.vcs.ForgeAccess;
import dev.interlock.analysis.shell.recognizers.vcs.ForgeRepositories;
import dev.interlock.analysis.shell.recognizers.vcs.GistUploads;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub and GitLab CLIs: access and secrets ({@link ForgeAccess}), repositories and releases
 * ({@link ForgeRepositories}), workflow and pipeline runs that deploy, bot commands in comments; the rest is judged
 * by its words like any unfamiliar CLI.
 */
final class ForgeCommands {

    private ForgeCommands() {
    }

    /** gh run's commands that only read: a run's status, logs, and artifacts. */
    private static final Set<String> GH_RUN_READS = Set.of("view", "list", "ls", "watch", "download");
    private static final Set<String> GH_VALUED = Set.of("-R", "--repo", "-t", "--title", "-b", "--body", "--body-file", "-n", "--notes", "-F", "--notes-file",
            "--target", "--discussion-category", "--notes-start-tag", "-p", "--pattern", "-D", "--dir", "-O", "--output");

    private static final Set<String> GLAB_VALUED = Set.of("-R", "--repo", "-t", "--title", "-d", "--description", "-m", "--message",
            "--milestone", "-l", "--label", "-a", "--assignee", "-b", "--branch", "-s", "--source-branch", "--target-branch", "--sha",
            "-g", "--group", "--scope", "-v", "--value", "--hostname", "--type");

    /**
     * The GitLab CLI: its routes to secrets and access (a merge request approved as the user, CI/CD variables, keys,
     * tokens, the API), its projects and releases as {@code gh}'s repositories and releases ({@link ForgeRepositories}),
     * its pipelines' manual jobs and schedules as other CI systems' commands; opened merge requests as proposals; the rest (merging, issues, runs of
     * a pipeline) is judged by its words like any unfamiliar CLI.
     */
    static List<Operation> glab(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(GLAB_VALUED);
        return ForgeAccess.gitlab(inv, p, p.words()).or(() -> ForgeRepositories.gitlab(inv, p, p.words()))
                .or(() -> pipelineDeploy(inv, p.words()))
                .or(() -> comment(inv, p, p.words(), List.of("mr", "issue"), List.of("note", "comment"), "-m", "--message"))
                .or(() -> dev.interlock.analysis.shell.recognizers.ci.CiRecognizer.gitlab(inv)).map(List::of)
                .orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
    }

    /** glab's pipeline variables: {@code --variables KEY:VALUE}, {@code --variables-env KEY:VALUE}, or KEY=VALUE. */
    private static final Pattern PIPELINE_VARIABLE = Pattern.compile("(?i)(?:[\\w]*_)?(env|environment|stage|target|tier|deploy_?env)[:=](.+)");

    /**
     * {@code glab ci run --variables DEPLOY_ENV:production}: a pipeline given an environment deploys there with the
     * project's CI/CD secrets, as {@code gh workflow run -f env=…} does.
     */
    private static Optional<Operation> pipelineDeploy(Invocation inv, List<String> words) {
        if (words.size() < 2 || !words.getFirst().equals("ci") || !Set.of("run", "trigger").contains(words.get(1))) {
            return Optional.empty();
        }
        List<String> all = inv.words();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (Set.of("--variables", "--variables-env", "--variables-file", "-V").contains(all.get(i))) {
                Matcher m = PIPELINE_VARIABLE.matcher(all.get(i + 1));
                if (m.matches()) {
                    return Optional.of(op(inv, Verb.EXECUTE, "pipeline", words.get(1)).system("gitlab").confidence(Confidence.INFERRED)
                            .locator("environment", m.group(2))
                            .note("runs a pipeline with the project's CI/CD secrets in " + m.group(2)).build());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * gh release and gh repo ({@link ForgeRepositories}): GitHub is remote, so the environment stays unknown unless the
     * request or the repository names it.
     */
    static List<Operation> gh(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(GH_VALUED);
        List<String> words = p.words();
        String group = words.isEmpty() ? "" : words.getFirst();
        Optional<Operation> access = ForgeAccess.github(inv, p, words).or(() -> GistUploads.github(inv));
        if (access.isPresent()) {
            return List.of(access.get());
        }
        String repoName = p.value("-R", "--repo").orElse("");
        if (group.equals("pr") && words.size() > 1 && words.get(1).equals("merge") && inv.words().contains("--admin")) {
            // --admin merges past failing checks and missing reviews: the agent grants itself what review would
            Operation.Builder b = op(inv, Verb.ESCALATE, "pull-request", words.size() > 2 ? words.get(2) : "").system("github")
                    .note("merges with administrator privileges, past required reviews and checks");
            return List.of((repoName.isEmpty() ? b : b.locator("repository", repoName)).build());
        }
        if (group.equals("run") && words.size() > 1 && words.get(1).equals("cancel")) {
            // The run may be a deployment half-way through: stopping it can leave an environment half rolled out.
            Operation.Builder b = op(inv, Verb.UPDATE, "workflow-run", words.size() > 2 ? words.get(2) : "").system("github")
                    .note("cancels a workflow run in progress, which may be a deployment");
            return List.of((repoName.isEmpty() ? b : b.locator("repository", repoName)).build());
        }
        if (group.equals("run") && words.size() > 1 && GH_RUN_READS.contains(words.get(1))) {
            // a run's status, logs and artifacts: downloading an artifact writes it into the workspace (-D), nothing remote changes
            Operation.Builder b = op(inv, Verb.READ, "workflow-run", words.size() > 2 ? words.get(2) : "").system("github")
                    .note("gh run " + words.get(1) + " reads a workflow run" + (words.get(1).equals("download") ? "'s artifacts into the workspace" : ""));
            return List.of((repoName.isEmpty() ? b : b.locator("repository", repoName)).build());
        }
        if (group.equals("workflow") && words.size() > 2 && words.get(1).equals("run")) {
            Optional<Operation> deploy = workflowDeploy(inv, words.get(2), repoName);
            if (deploy.isPresent()) {
                return List.of(deploy.get());
            }
        }
        Optional<Operation> repository = ForgeRepositories.github(inv, p, words);
        if (repository.isPresent()) {
            return List.of(repository.get());
        }
        Optional<Operation> command = comment(inv, p, words, List.of("pr", "issue"), List.of("comment"), "-b", "--body");
        if (command.isPresent()) {
            return List.of(command.get());
        }
        if (!group.equals("release") && !group.equals("repo")) {
            // merges and other pull-request commands, issues, workflows …: not publishing; judged by their words like any unfamiliar CLI
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String sub = words.size() > 1 ? words.get(1) : "";
        Operation.Builder unknown = op(inv, Verb.UNKNOWN, group, words.size() > 2 ? words.get(2) : "").system("github")
                .confidence(Confidence.INFERRED).note("gh " + group + " " + sub + " is not recognized");
        return List.of((repoName.isEmpty() ? unknown : unknown.locator("repository", repoName)).build());
    }

    /**
     * A comment on a pull request or issue that is a command to a Terraform bot ({@code atlantis apply -p prod-network}):
     * judged as what the bot runs ({@link CommentCommands}).
     */
    private static Optional<Operation> comment(Invocation inv, ParsedArgs p, List<String> words, List<String> groups,
                                               List<String> subs, String... bodyFlags) {
        if (words.size() < 2 || !groups.contains(words.get(0)) || !subs.contains(words.get(1))) {
            return Optional.empty();
        }
        Optional<String> body = p.value(bodyFlags);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Optional<Operation> command = CommentCommands.of(body.get()).map(b -> b.evidence(inv.evidence()).build());
        if (command.isPresent() || body.get().indexOf('$') >= 0 || body.get().indexOf('`') >= 0) {
            // text expanded at run time may carry a secret: judged as before, by the CLI's words
            return command;
        }
        // a bot acts only on a comment whose first word is its name; prose that mentions "atlantis apply" is discussion
        Operation.Builder b = Operation.builder(inv.program().equals("glab") ? "gitlab" : "github", Verb.CREATE)
                .resource("comment", words.size() > 2 ? words.get(2) : "").reversible(true).evidence(inv.evidence())
                .environment(Tier.DEV, "a comment only adds to a pull request's or issue's discussion")
                .note("posts a comment; no bot reads it as a command");
        p.value("-R", "--repo").ifPresent(r -> b.locator("repository", r));
        return Optional.of(b.build());
    }

    private static final Set<String> WORKFLOW_VALUED = Set.of("-f", "--raw-field", "-F", "--field", "-r", "--ref", "-R", "--repo");
    private static final Pattern ENVIRONMENT_FIELD = Pattern.compile("(?i)(env|environment|stage|target|tier|deploy_?env)=(.+)");
    private static final Pattern DEPLOYING_WORKFLOW = Pattern.compile("(?i).*(deploy|release|publish|rollout|promote|prod|production|destroy|teardown).*");

    /**
     * {@code gh workflow run deploy.yml -f environment=production}: a workflow that deploys (by its name or an
     * environment input) runs with the repository's deployment secrets, in the environment it is given.
     */
    private static Optional<Operation> workflowDeploy(Invocation inv, String workflow, String repo) {
        ParsedArgs p = inv.parse(WORKFLOW_VALUED);
        String environment = "";
        for (String flag : List.of("-f", "--raw-field", "-F", "--field")) {
            for (String field : p.flags().getOrDefault(flag, List.of())) {
                Matcher m = ENVIRONMENT_FIELD.matcher(field);
                if (m.matches()) {
                    environment = m.group(2);
                }
            }
        }
        if (environment.isEmpty() && !DEPLOYING_WORKFLOW.matcher(workflow).matches()) {
            return Optional.empty();
        }
        Operation.Builder b = op(inv, Verb.EXECUTE, "workflow", workflow).system("github").confidence(Confidence.INFERRED)
                .note("runs the workflow " + workflow + " with the repository's secrets" + (environment.isEmpty() ? "" : " in " + environment));
        if (!environment.isEmpty()) {
            b.locator("environment", environment);
        }
        if (!repo.isEmpty()) {
            b.locator("repository", repo);
        }
        return Optional.of(b.build());
    }
}
