package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Code that says what a deployment becomes once someone applies or syncs it: Terraform code, Helm values and charts,
 * Kustomize overlays, manifests kept for GitOps, compose and deploy files, Ansible inventories and their variables,
 * Chef environments and roles, Salt states and pillar, Puppet Hiera data, Pulumi stack configuration, ECS task
 * definitions, Fly.io and Copilot manifests, Splunk apps' configuration, deployment manifests (Azure IoT Edge's
 * {@code deployment.template.json}, Greengrass deployments), access roles and policies kept as code (Teleport roles, IAM
 * and RBAC documents), whether an edit tool or the shell ({@code >}, {@code cp}) writes it. Writing one runs nothing (the apply is decided when it is applied), but where the
 * file is for production — a production directory, or a name such as {@code values-prod.yaml} or {@code prod.tfvars}
 * — the change is production's next change in waiting. Every such operation is an update of {@code code} with the
 * locator {@code deploys} ({@code production} or {@code other}), which one rule reads for all of them.
 */
final class DeploymentCode {

    /** One kind of deployment file: the tool that rolls it out (the operation's system), its names, the directories it lives in. */
    private record Tool(String system, String what, Pattern name, Pattern extensions, Pattern directory) {
        Tool(String system, String what, String name, String directory) {
            this(system, what, name, directory, "ya?ml|json");
        }

        Tool(String system, String what, String name, String directory, String extensions) {
            this(system, what, Pattern.compile(name), Pattern.compile(extensions),
                    Pattern.compile("(?i).*/(" + directory + ")/(.*/)?[^/]+\\.(" + extensions + ")"));
        }

        /** {@code name} is the path's lower-cased file name; the extension is tested before the costlier directory pattern. */
        boolean holds(String path, String name, String extension) {
            return this.name.matcher(name).matches()
                    || extensions.matcher(extension).matches() && directory.matcher(path).matches();
        }
    }

    /** First match wins; Terraform's own files are {@link FileKind#TERRAFORM_CODE}. */
    private static final List<Tool> TOOLS = List.of(
            new Tool("helm", "Helm values or chart", "(.*[-_.])?values([-_.].*)?\\.ya?ml|chart\\.ya?ml|helmfile.*\\.ya?ml", "charts?|helm|helmfile\\.d"),
            new Tool("docker", "a compose file", "(docker-)?compose([-_.].*)?\\.ya?ml", "compose"),
            new Tool("deployment", "a deploy configuration", "deploy([-_.].*)?\\.ya?ml", "deploy|deployments?"),
            // deployment manifests by name, wherever they are kept: an IoT Edge template (deployment.prod.template.json,
            // layered.deployment.json), a Greengrass deployment (greengrass-deployment-prod.json), a deployment.production.yaml
            new Tool("deployment", "a deployment manifest", "(.*[-_.])?deployments?([-_.].*)?\\.(json|ya?ml)", "(?!)"),
            // the Windows scripts a release runs from its deploy directory (Set-ShopSite.ps1, install.cmd) are what it
            // does there; POSIX shell scripts are FileKind.SHELL_SCRIPT's, judged by what they run
            new Tool("deployment", "a deployment script", "(?!)", "deploy|deployments?", "ps1|psm1|bat|cmd"),
            // declarative API gateway configuration: the next deck or tyk-sync sync makes the gateway match it
            new Tool("gateway", "API gateway configuration", "kong([-_.].*)?\\.ya?ml", "kong|deck|tyk|apisix"),
            // an inventory's variables are what the next playbook run pushes to its hosts (network devices among them)
            new Tool("ansible", "Ansible inventory or host and group variables", "(?!)", "group_vars|host_vars|inventor(?:y|ies)",
                    "ya?ml|json|ini|cfg"),
            // Chef's environments, roles and data bags (environments/production.json pins cookbook versions): the next
            // knife upload and chef-client run apply them (Rails' config/environments is the app's own); Salt's states and
            // pillar, Puppet's manifests and Hiera data likewise
            new Tool("chef", "a Chef environment, role or data bag", "(?!)", "(?<!config/)environments|roles|data_bags", "json|rb"),
            new Tool("salt", "Salt states or pillar data", ".*\\.sls", "pillar", "sls|ya?ml"),
            new Tool("puppet", "Puppet manifests or Hiera data", "hiera\\.ya?ml|.*\\.pp", "hieradata", "ya?ml|eyaml|json"),
            // a Pulumi project and its stacks' configuration (Pulumi.prod.yaml): the next pulumi up applies it
            new Tool("pulumi", "a Pulumi project or stack configuration", "pulumi(\\..+)?\\.ya?ml", "(?!)"),
            // Azure's declarative templates: the next az deployment makes the subscription match them
            new Tool("azure", "a Bicep or ARM template", ".*\\.bicep(param)?|azuredeploy(\\.parameters)?\\.json", "bicep|arm"),
            // an ECS task definition (ecs/taskdef-prod.json): the next register-task-definition and service update run
            // its containers as it says, privileged or with host mounts included
            new Tool("ecs", "an ECS task definition", "(.*[-_.])?task-?def(inition)?s?([-_.].*)?\\.json", "ecs"),
            // Fly.io's app configuration (fly.prod.toml) and AWS Copilot's service manifests: the next deploy applies them
            new Tool("fly", "a Fly.io app configuration", "fly([-_.].*)?\\.toml", "(?!)", "toml"),
            new Tool("copilot", "an AWS Copilot manifest", "(?!)", "copilot"),
            // a Splunk app's .conf files (indexes.conf's retention, inputs, props): the next deployment-server reload,
            // cluster-bundle push or app install makes the Splunk servers run with them
            new Tool("splunk", "a Splunk app's configuration", "(?!)", "splunk[\\w.-]*|deployment-apps|master-apps|manager-apps|shcluster", "conf"),
            // access as code: Teleport roles, IAM and RBAC policies, identity providers' Terraform-less configuration —
            // the next tctl create, policy sync or deck run gives whoever they name what they say
            new Tool("access", "access roles or policies", "(?!)", "teleport|iam|rbac|boundary|okta|auth0|keycloak", "ya?ml|json|hcl"),
            new Tool("kubernetes", "Kubernetes manifests or a Kustomize overlay", "kustomization\\.ya?ml",
                    "k8s|kube|kubernetes|manifests?|kustomize|overlays|clusters|gitops|argocd|argo-cd|flux"));

    private DeploymentCode() {
    }

    /** Whether {@code path} is a deployment file other than Terraform's. */
    static boolean holds(String path) {
        return tool(path).isPresent();
    }

    /** The change to one file of deployment code (Terraform's, or one {@link #holds} names). */
    static Operation.Builder operation(FileKind kind, String path, Workspace ws, boolean delete, String does) {
        // a rendering in the temp directory deploys nothing
        boolean production = ws.area(path) != Workspace.Area.TEMP && DeploymentWords.forProduction(path);
        Optional<Tool> tool = kind == FileKind.TERRAFORM_CODE ? Optional.empty() : tool(path);
        return FileMeaning.local(path, delete ? Verb.DELETE : Verb.UPDATE, "code", ws).system(tool.map(Tool::system).orElse("terraform"))
                .locator("directory", FileMeaning.parent(path)).locator("deploys", production ? "production" : "other")
                .note(does + tool.map(Tool::what).orElse("Terraform code") + (production ? " for production" : "")
                        + "; applying it is decided when it is applied");
    }

    private static Optional<Tool> tool(String path) {
        if (path.startsWith("/etc/kubernetes/")) {
            // the kubelet's static pods and the node's own configuration: live on this node, not code kept for a deploy
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        for (Tool tool : TOOLS) {
            if (tool.holds(path, name, extension)) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }
}
