package dev.interlock.analysis.shell.recognizers.ci;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands of CI/CD systems' CLIs. Runs of a build or pipeline ({@code bk build create}, {@code argo submit},
 * {@code tkn pipeline start}, {@code fly trigger-job}) and deployments ({@code octopus release deploy}) are placed by
 * what their target names ({@link CiRuns}).
 * What passes a human gate ({@code bk job unblock}, {@code drone build approve}) is an {@code escalate}: the agent
 * would give the approval a person is asked for. A CI secret stored is a {@code transfer} (every pipeline there reads it).
 */
final class CiCommands {

    private CiCommands() {
    }

    /**
     * One CLI: the system its operations belong to, its table, the flags that take a value, and the flags and
     * variables that name its server.
     */
    record Cli(String system, CommandTable commands, Set<String> valued, Placement server, Runs runs) {

        Cli(String system, CommandTable commands, Set<String> valued, Placement server) {
            this(system, commands, valued, server, Runs.NONE);
        }
    }

    /**
     * The commands that run a pipeline, job or build and those that deploy ({@link CiRuns}), the flags whose value is
     * the environment deployed to, and the flag that names the branch built.
     */
    record Runs(Set<String> runs, Set<String> deploys, Set<String> environments, Set<String> branches) {

        static final Runs NONE = new Runs(Set.of(), Set.of(), Set.of(), Set.of());

        boolean runs(String command) {
            return runs.contains(command) || deploys.contains(command);
        }
    }

    /** A run of a build, job or pipeline: placed by what it names ({@link CiRuns}). */
    private static CommandTable.Act run(String type) {
        return execute(type).note("runs the " + type + " on the CI system with the secrets it is given");
    }

    /** A deployment: it lands in the environment its target names. */
    private static CommandTable.Act deploy(String type) {
        return execute(type).note("deploys to the environment it names, with that environment's secrets");
    }

    /** Approving a gate: a person's decision made by the agent. */
    private static CommandTable.Act gate(String type, String note) {
        return new CommandTable.Act(Verb.ESCALATE, type, false, false, Scope.ONE, note);
    }

    /** A secret stored where every pipeline of the repository, context or organization reads it. */
    private static CommandTable.Act secret(String note) {
        return new CommandTable.Act(Verb.TRANSFER, "secret", false, false, Scope.ONE, note);
    }

    /** Shared pipeline code published: every pipeline that imports it runs this version. */
    private static CommandTable.Act publish(String type, String note) {
        return new CommandTable.Act(Verb.TRANSFER, type, false, false, Scope.MANY, note);
    }

    static final Cli CIRCLECI = new Cli("circleci", CommandTable.builder()
            .add("", "version diagnostic info usage open follow completion help", read("project"))
            .add("config", "validate process pack", read("config"))
            .add("", "build", local("job"))
            .add("local", "execute", local("job"))
            .add("tests", "split glob run", local("tests"))
            .add("orb", "validate list info source list-categories pack diff", read("orb"))
            .add("orb", "publish", publish("orb", "publishes an orb version: every pipeline that imports it runs this code"))
            .add("orb", "create init add-to-category remove-from-category unlist", update("orb"))
            .add("namespace", "create", create("namespace"))
            .add("context", "list show", read("context"))
            .add("context", "create", create("context"))
            .add("context", "delete", delete("context").note("deletes the context with every secret in it"))
            .add("context", "store-secret", secret("stores a secret in the context: every job that uses the context reads it"))
            .add("context", "remove-secret", delete("secret"))
            .add("project secret", "list", read("secret"))
            .add("project secret", "create", secret("stores a secret in the project: every pipeline there reads it"))
            .add("policy", "diff decide eval fetch logs", read("policy"))
            .add("policy", "push", update("policy").note("replaces the organization's config policies"))
            .add("runner resource-class", "list", read("runner"))
            .add("runner resource-class", "create", create("runner"))
            .add("runner resource-class", "delete", delete("runner"))
            .add("runner token", "list", read("token"))
            .add("runner token", "create", credential("token").note("creates a runner token and prints it"))
            .add("runner token", "delete", delete("token"))
            .add("runner instance", "list", read("runner"))
            .add("pipeline", "list", read("pipeline"))
            .build(), Set.of("--host", "--token", "--org-id", "--integration", "--org", "--owner-id"),
            Placement.of("host", "--host").orVariables("CIRCLECI_CLI_HOST"));

    static final Cli BUILDKITE = new Cli("buildkite", CommandTable.builder()
            .add("", "version whoami help", read("organization"))
            .add("build", "view list watch download", read("build"))
            .add("build", "create new rebuild", run("build"))
            .add("build", "cancel", update("build"))
            .add("job", "log list view", read("job"))
            .add("job", "unblock", gate("job", "unblocks a block step: the agent passes the gate a person was to decide"))
            .add("job", "reprioritize", update("job"))
            .add("pipeline", "view list validate", read("pipeline"))
            .add("pipeline", "create", create("pipeline"))
            .add("agent", "list view", read("agent"))
            .add("agent", "stop pause resume", update("agent"))
            .add("artifacts", "list download", read("artifact"))
            .add("cluster", "list view", read("cluster"))
            .add("package", "push", publish("package", "pushes a package to a Buildkite registry"))
            .add("user", "invite", grant("user"))
            .build(), Set.of("-p", "--pipeline", "-b", "--branch", "-c", "--commit", "-m", "--message", "-o", "--org",
            "-e", "--env", "-M", "--metadata", "--state", "--web"), Placement.of("host"),
            new Runs(Set.of("build create", "build new", "build rebuild"), Set.of(), Set.of(), Set.of("-b", "--branch")));

    /** Drone and its fork Woodpecker: builds (Woodpecker: pipelines), repository and organization secrets, crons. */
    private static CommandTable.Builder droneLike(String builds) {
        CommandTable.Builder b = CommandTable.builder()
                .add("", "info version help lint fmt starlark jsonnet convert", read("repository"))
                .add("", "exec sign", local("pipeline"))
                .add(builds, "ls list info last logs queue ps", read("build"))
                .add(builds, "approve", gate("build", "approves a gated build (a fork's, a protected branch's): it runs with the repository's secrets"))
                .add(builds, "decline", update("build"))
                .add(builds, "promote deploy rollback", execute("deployment")
                        .note("deploys a build to the environment it names, with that environment's secrets"))
                .add("log", "view", read("build"))
                .add("log", "purge", delete("log"))
                .add("repo", "ls list info", read("repository"))
                .add("repo", "enable disable update repair chown sync add", update("repository"))
                .add("repo", "rm remove delete", delete("repository").note("removes the repository from the CI server with its builds"))
                .add("cron", "ls list info", read("cron"))
                .add("cron", "add update", update("cron"))
                .add("user", "ls list info", read("user"))
                .add("user", "add update", grant("user"))
                .add("server", "ls list info", read("server"));
        // the secret commands list names only (values are write-only); adding one hands it to every pipeline there
        for (String group : List.of("secret", "orgsecret", "org secret", "repo secret", "global secret")) {
            b.add(group, "ls list info", read("secret"))
                    .add(group, "add update", secret("stores a CI secret: every pipeline of the repository or organization reads it"))
                    .add(group, "rm delete", delete("secret"));
        }
        return b;
    }

    static final Set<String> DRONE_VALUED = Set.of("-s", "--server", "-t", "--token", "--repository", "--name", "--data",
            "--value", "--event", "--image", "--branch", "--commit", "--param", "-p", "--format", "--pipeline", "--org",
            "--organization", "--global", "--schedule", "--target", "--after", "--limit");

    static final Cli DRONE = new Cli("drone", droneLike("build").build(), DRONE_VALUED,
            Placement.of("host", "-s", "--server").orVariables("DRONE_SERVER"));

    static final Cli WOODPECKER = new Cli("woodpecker", droneLike("pipeline").build(), DRONE_VALUED,
            Placement.of("host", "-s", "--server").orVariables("WOODPECKER_SERVER"));

    static final Cli JENKINS = new Cli("jenkins", CommandTable.builder()
            .add("", "console who-am-i list-changes get-view get-job get-node list-jobs list-plugins version help"
                    + " session-id keep-build list-credentials list-credentials-providers get-credentials-as-xml"
                    + " get-credentials-domain-as-xml list-credentials-as-xml list-credentials-context-resolvers", read("job"))
            .add("", "build", run("build"))
            .add("", "groovy groovysh", execute("controller")
                    .note("runs a Groovy script on the Jenkins controller: code with every credential and admin right it holds"))
            .add("", "install-plugin", execute("controller").note("installs plugin code on the Jenkins controller"))
            .add("", "create-job copy-job update-job enable-job disable-job reload-job set-build-description"
                    + " set-build-display-name create-view update-view create-node update-node offline-node online-node"
                    + " connect-node disconnect-node wait-node-online wait-node-offline", update("job"))
            .add("", "delete-job delete-builds delete-node delete-view", delete("job"))
            .add("", "restart safe-restart shutdown safe-shutdown quiet-down cancel-quiet-down reload-configuration"
                    + " clear-queue", update("controller").note("changes the whole Jenkins controller: every job on it"))
            .add("", "create-credentials-by-xml update-credentials-by-xml import-credentials-as-xml",
                    secret("stores credentials in Jenkins: every job allowed to use them reads them"))
            .add("", "delete-credentials", delete("secret"))
            .build(), Set.of("-s", "-i", "-auth", "-user", "-logger", "-bearer"),
            Placement.of("host", "-s").orVariables("JENKINS_URL"), new Runs(Set.of("build"), Set.of(), Set.of(), Set.of()));

    /** Argo's kinds with the same verbs: workflow templates, cluster templates, cron workflows. */
    private static CommandTable.Builder argo() {
        CommandTable.Builder b = CommandTable.builder()
                .add("", "list get logs watch wait lint version cp", read("workflow"))
                .add("", "submit resubmit retry", run("workflow"))
                .add("", "server", local("server"))
                .add("", "resume", update("workflow").note("resumes a suspended workflow: suspend steps are where workflows wait for a person"))
                .add("", "suspend stop terminate", update("workflow"))
                .add("", "delete", delete("workflow"))
                .add("node", "set", update("workflow").note("sets a node's outputs or phase: how a suspend step is answered"))
                .add("auth", "token", credential("token").note("prints the bearer token the CLI acts with"))
                .add("archive", "list get list-label-keys list-label-values", read("workflow"))
                .add("archive", "delete", delete("workflow"))
                .add("executor-plugin", "build", local("plugin"));
        for (String kind : List.of("template", "cluster-template", "cron")) {
            b.add(kind, "get list lint", read(kind))
                    .add(kind, "create update suspend resume", update(kind))
                    .add(kind, "delete", delete(kind));
        }
        return b;
    }

    static final Cli ARGO = new Cli("argo", argo().build(), Set.of("-n", "--namespace", "-o", "--output", "-p",
            "--parameter", "-l", "--selector", "--from", "--context", "--kube-context", "-s", "--argo-server",
            "--node-field-selector", "--message", "--older", "--status", "--since", "--prefix", "--field-selector"),
            Placement.of("host", "-s", "--argo-server").orVariables("ARGO_SERVER"),
            new Runs(Set.of("submit", "resubmit", "retry"), Set.of(), Set.of(), Set.of()));

    /** Tekton: runs (pipeline start, task start) are judged by their words; deletes and cancels act on the cluster. */
    private static CommandTable.Builder tekton() {
        CommandTable.Builder b = CommandTable.builder()
                .add("", "version help", read("pipeline"))
                .add("chain", "payload signature", read("taskrun"))
                .add("bundle", "list", read("bundle"))
                .add("bundle", "push", publish("bundle", "pushes a Tekton bundle to a registry: pipelines that reference it run this code"))
                .add("hub", "search info get check-upgrade", read("task"))
                .add("hub", "install upgrade downgrade reinstall", update("task"))
                .add("approvaltask", "list describe", read("approvaltask"))
                .add("approvaltask", "approve", gate("approvaltask", "approves a pipeline's approval task: the agent passes the gate a person was to decide"))
                .add("approvaltask", "reject", update("approvaltask"));
        for (String kind : List.of("pipeline", "pipelinerun", "task", "taskrun", "clustertask", "eventlistener",
                "triggertemplate", "triggerbinding", "clustertriggerbinding", "resource", "customrun")) {
            if (Set.of("pipeline", "task", "clustertask").contains(kind)) {
                b.add(kind, "start", run(kind));
            }
            b.add(kind, "list ls describe desc logs export", read(kind))
                    .add(kind, "cancel", update(kind))
                    .add(kind, "create", create(kind))
                    .add(kind, "delete rm", delete(kind));
        }
        return b;
    }

    static final Cli TEKTON = new Cli("tekton", tekton().build(), Set.of("-n", "--namespace", "-p", "--param", "-w",
            "--workspace", "-s", "--serviceaccount", "-o", "--output", "-c", "--context", "-k", "--kubeconfig", "-L",
            "--label", "--keep", "--keep-since", "--prefix-name", "--pipeline-timeout", "--timeout", "-f", "--filename"),
            Placement.of("host"), new Runs(Set.of("pipeline start", "task start", "clustertask start", "pipelinerun rerun",
            "taskrun rerun"), Set.of(), Set.of(), Set.of()));

    static final Cli SPINNAKER = new Cli("spinnaker", CommandTable.builder()
            .add("", "version help", read("application"))
            .add("application", "get list", read("application"))
            .add("application", "save", update("application"))
            .add("application", "delete", delete("application"))
            .add("pipeline", "get list", read("pipeline"))
            .add("pipeline", "save update", update("pipeline"))
            .add("pipeline", "delete", delete("pipeline"))
            .add("pipeline", "execute", run("pipeline"))
            .add("pipeline execution", "get list", read("execution"))
            .add("pipeline execution", "cancel", update("execution"))
            .add("pipeline-template", "get list plan", read("pipeline-template"))
            .add("pipeline-template", "save use", update("pipeline-template"))
            .add("pipeline-template", "delete", delete("pipeline-template"))
            .add("project", "get-pipelines get list", read("project"))
            .add("account", "get list", read("account"))
            .add("canary canary-config", "get list retrieve", read("canary-config"))
            .add("canary canary-config", "save", update("canary-config"))
            .add("canary canary-config", "delete", delete("canary-config"))
            .build(), Set.of("--application", "-a", "--name", "-n", "--file", "-f", "--parameter-file", "--id", "-i",
            "--gate-endpoint", "--config", "--output", "-o", "--pipeline-id"), Placement.of("host", "--gate-endpoint"),
            new Runs(Set.of("pipeline execute"), Set.of(), Set.of(), Set.of()));

    /** GitLab's pipelines, for glab: the rest of glab (projects, secrets, the API) has its own tables. */
    static final Cli GITLAB = new Cli("gitlab", CommandTable.builder()
            .add("ci", "trigger play", execute("job")
                    .note("plays a manual job: in GitLab manual jobs are the deploy and approval gates"))
            .add("ci", "list ls view status trace get lint artifact config", read("pipeline"))
            .add("job", "play", execute("job").note("plays a manual job: in GitLab manual jobs are the deploy and approval gates"))
            .add("schedule", "list", read("schedule"))
            .add("schedule", "create update", update("schedule"))
            .build(), Set.of("-R", "--repo", "-b", "--branch", "-p", "--pipeline-id", "--variables", "--variables-env",
            "--variables-file", "-V"), Placement.of("host").orVariables("GITLAB_HOST"));

    /** The Buildkite agent inside a job: {@code secret get} prints a cluster secret. */
    static final Cli BUILDKITE_AGENT = new Cli("buildkite", CommandTable.builder()
            .add("secret", "get", credential("secret").note("prints a Buildkite secret's value"))
            .add("meta-data", "get exists keys", read("build"))
            .add("pipeline", "upload", update("build").note("adds steps to the running build"))
            .build(), Set.of("--job", "--build", "--format", "--replace"), Placement.of("host"));

    /** Octopus Deploy's CLI: a release deployed or a runbook run lands in the environment it is given. */
    private static CommandTable.Builder octopus() {
        CommandTable.Builder b = CommandTable.builder()
                .add("", "version help", read("space"))
                .add("", "login logout config", local("session"))
                .add("release", "list view", read("release"))
                .add("release", "create", create("release"))
                .add("release", "delete", delete("release"))
                .add("release", "deploy", deploy("release"))
                .add("runbook", "list view", read("runbook"))
                .add("runbook", "run", deploy("runbook"))
                .add("runbook", "delete", delete("runbook"))
                .add("deployment", "list view", read("deployment"))
                .add("task", "wait view list", read("task"))
                .add("package", "list versions", read("package"))
                .add("package", "upload", publish("package", "uploads a package to Octopus's feed: deployments of it run this code"))
                .add("package", "delete", delete("package"))
                .add("build-information", "list view", read("build-information"))
                .add("build-information", "upload", update("build-information"))
                .add("environment", "create", create("environment"))
                .add("account", "create", secret("stores a deployment account's credentials in Octopus: deployments use them"));
        for (String kind : List.of("project", "project-group", "environment", "tenant", "channel", "space", "account", "worker",
                "worker-pool", "deployment-target", "user", "team", "lifecycle")) {
            b.add(kind, "list view ls", read(kind)).add(kind, "delete rm", delete(kind));
        }
        for (String kind : List.of("project", "project-group", "tenant", "channel", "lifecycle")) {
            b.add(kind, "create clone", create(kind)).add(kind, "enable disable connect disconnect update", update(kind));
        }
        return b;
    }

    static final Cli OCTOPUS = new Cli("octopus", octopus().build(), Set.of("--project", "-p", "--version", "-v",
            "--environment", "-e", "--space", "-s", "--channel", "-c", "--tenant", "--tenant-tag", "--runbook", "-n", "--name",
            "--variable", "--server", "--api-key", "-f", "--output-format", "--package-version", "--git-ref", "--deploy-at",
            "--update-variables", "--skip", "--guided-failure"),
            Placement.of("host", "--server").orVariables("OCTOPUS_URL", "OCTOPUS_HOST"),
            new Runs(Set.of(), Set.of("release deploy", "runbook run"), Set.of("--environment", "-e"), Set.of("--git-ref")));

    /** Octopus's older .NET CLI, one verb each: deploy-release and promote-release land where --deployTo/--to says. */
    static final Cli OCTO = new Cli("octopus", CommandTable.builder()
            .add("", "help version list-environments list-projects list-releases list-deployments list-latestdeployments"
                    + " list-machines list-tenants list-workerpools list-workers list-projectgroups list-channels"
                    + " dump-deployments", read("project"))
            .add("", "pack", local("package"))
            .add("", "push", publish("package", "pushes a package to Octopus's feed: deployments of it run this code"))
            .add("", "build-information", update("build-information"))
            .add("", "create-release", create("release"))
            .add("", "deploy-release promote-release run-runbook", deploy("release"))
            .add("", "delete-releases delete-autodeployoverride", delete("release"))
            .add("", "clean-environment", delete("machine").note("removes the environment's machines from Octopus"))
            .add("", "create-environment create-project create-channel create-workerpool create-autodeployoverride",
                    create("project"))
            .add("", "import export", update("space"))
            .build(), Set.of("--project", "--version", "--releasenumber", "--releaseNumber", "--deployto", "--deployTo", "--to",
            "--from", "--environment", "--server", "--apikey", "--apiKey", "--space", "--channel", "--tenant", "--tenanttag",
            "--package", "--packageversion", "--variable", "--runbook", "--name", "--basePath", "--outFolder", "--id",
            "--format", "--user", "--pass", "--releaseNotes", "--releasenotes"),
            Placement.of("host", "--server").orVariables("OCTOPUS_CLI_SERVER"),
            new Runs(Set.of(), Set.of("deploy-release", "promote-release", "run-runbook"),
                    Set.of("--deployto", "--to", "--environment"), Set.of()));

    /**
     * Concourse's fly (Fly.io's CLI shares the name; {@link CiRecognizer} tells them apart: Concourse's commands take
     * flags only, always with a target). A job triggered lands where its name says; set-pipeline changes what runs.
     */
    static final Cli CONCOURSE = new Cli("concourse", CommandTable.builder()
            .add("", "targets status userinfo teams pipelines ps jobs js builds bs watch w containers cs volumes vs workers ws"
                    + " resources rs resource-versions rvs get-pipeline gp validate-pipeline vp format-pipeline fp get-team"
                    + " gt active-users au checklist cl completion help", read("pipeline"))
            .add("", "login logout sync edit-target delete-target", local("session"))
            .add("", "set-pipeline sp", update("pipeline").note("changes what the pipeline runs and where it deploys"))
            .add("", "destroy-pipeline dp", delete("pipeline").losesData().note("deletes the pipeline with its build history"))
            .add("", "pause-pipeline pp unpause-pipeline up archive-pipeline ap expose-pipeline ep hide-pipeline hp"
                    + " rename-pipeline rp order-pipelines op order-instanced-pipelines oip", update("pipeline"))
            .add("", "trigger-job tj rerun-build rb execute e", run("build"))
            .add("", "pause-job pj unpause-job uj abort-build ab clear-task-cache ctc schedule-job", update("job"))
            .add("", "check-resource cr check-resource-type crt pin-resource pr unpin-resource ur disable-resource-version"
                    + " drv enable-resource-version erv clear-resource-cache crc clear-versions cv", update("resource"))
            .add("", "hijack intercept i", execute("container").note("opens a shell in a build's container, with the secrets it was given"))
            .add("", "set-team st", grant("team"))
            .add("", "destroy-team dt", delete("team"))
            .add("", "rename-team rt", update("team"))
            .add("", "prune-worker pw land-worker lw retire-worker", update("worker"))
            .build(), Set.of("-t", "--target", "-p", "--pipeline", "-j", "--job", "-c", "--config", "-n", "--team-name",
            "--team", "-r", "--resource", "-v", "--var", "-y", "--yaml-var", "-l", "--load-vars-from", "-b", "--build", "--count",
            "-i", "--input", "-o", "--output", "--instance-var", "--url", "-u", "--username", "--password", "--step", "-s"),
            Placement.of("host", "-c", "--concourse-url"),
            new Runs(Set.of("trigger-job", "tj", "rerun-build", "rb", "execute", "e"), Set.of(), Set.of(), Set.of()));

    static final Map<String, Cli> CLIS = Map.ofEntries(Map.entry("circleci", CIRCLECI), Map.entry("bk", BUILDKITE),
            Map.entry("drone", DRONE), Map.entry("woodpecker-cli", WOODPECKER), Map.entry("jenkins-cli", JENKINS),
            Map.entry("argo", ARGO), Map.entry("tkn", TEKTON), Map.entry("spin", SPINNAKER),
            Map.entry("buildkite-agent", BUILDKITE_AGENT), Map.entry("octopus", OCTOPUS), Map.entry("octo", OCTO),
            Map.entry("fly", CONCOURSE));
}
