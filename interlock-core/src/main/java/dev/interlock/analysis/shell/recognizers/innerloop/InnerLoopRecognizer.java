package dev.interlock.analysis.shell.recognizers.innerloop;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.innerloop.InnerLoopTool.Row;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;

/**
 * Inner-loop developer platforms that build, deploy and tear down a project in a Kubernetes cluster: skaffold, tilt,
 * devspace, garden, okteto, helmfile, and the traffic takeovers telepresence and mirrord. Their operations are the
 * cluster's ({@code helm} for helmfile's releases), placed by the tool's context, namespace and environment flags and
 * variables, else by the current kube context ({@code KUBECONFIG}): so a kind or minikube cluster stays a sandbox,
 * while a deploy, purge or takeover in production needs a human. Rendering ({@code helmfile -e prod template},
 * {@code skaffold render -p prod}) only looks. The commands are in {@link InnerLoopTools}; the exceptions are here.
 */
public final class InnerLoopRecognizer implements Recognizer {

    @Override
    public java.util.Set<String> programs() {
        return InnerLoopTools.TOOLS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        InnerLoopTool tool = InnerLoopTools.TOOLS.get(inv.program());
        ParsedArgs p = inv.parse(tool.valued());
        List<String> words = p.words();
        if (words.isEmpty() || p.has("-h", "--help", "--version")) {
            return List.of(op(inv, tool, p, Verb.READ, "", "").build());
        }
        if (!p.positionals().getFirst().literal()) {
            return List.of(op(inv, tool, p, Verb.UNKNOWN, "", "").confidence(Confidence.OPAQUE)
                    .note("the " + inv.program() + " subcommand is not known before the command runs").build());
        }
        Optional<String> phrase = longest(tool, words);
        if (phrase.isEmpty()) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String command = phrase.get();
        Row row = tool.commands().get(command);
        int length = command.split(" ").length;
        String name = words.size() > length ? words.get(length) : "";
        Operation.Builder b = op(inv, tool, p, row.verb(), tool.type(), name).scope(row.scope()).note(row.note());
        if (row.where() == InnerLoopTool.Where.MACHINE) {
            LocalFiles.local(inv, b, inv.program() + " " + command + " changes only this machine");
        }
        exceptions(inv.program(), command, p, row, b);
        return InnerCommands.of(inv, nested, inv.program() + " " + command, p, b.build());
    }

    /** Flags that change what a command does: namespaces deleted too, volumes lost, traffic taken rather than copied. */
    private static void exceptions(String program, String command, ParsedArgs p, Row row, Operation.Builder b) {
        if (row.verb() == Verb.DELETE) {
            b.stateful(true).reversible(false);
        }
        if (row.scope() == Scope.ALL && row.verb() == Verb.DELETE && command.contains("namespace")) {
            String namespace = p.words().size() > command.split(" ").length ? p.words().get(command.split(" ").length) : "";
            b.resource("namespace", namespace);
            if (!namespace.isEmpty()) {
                b.locator("namespace", namespace);
            }
        }
        switch (program + " " + command) {
            case "tilt down" -> {
                if (p.has("--delete-namespaces")) {
                    b.resource("namespace", "").scope(Scope.ALL).note("deletes the Tiltfile's resources and their namespaces");
                }
            }
            case "helmfile destroy", "helmfile delete" -> {
                if (!p.has("-l", "--selector")) {
                    b.scope(Scope.ALL).note("uninstalls every release of the helmfile and every object they installed");
                }
            }
            case "okteto destroy" -> {
                if (p.has("-v", "--volumes")) {
                    b.note("destroys what the project deployed, its volumes' data included");
                }
            }
            case "okteto down" -> {
                if (p.has("-v", "--volumes")) {
                    b.verb(Verb.DELETE).resource("volume", "").stateful(true).reversible(false)
                            .note("restores the deployment and deletes the development container's volume");
                }
            }
            case "devspace run-pipeline" -> {
                if (p.positional(1).filter(name -> name.equals("purge")).isPresent()) {
                    b.verb(Verb.DELETE).scope(Scope.MANY).stateful(true).reversible(false).note("the purge pipeline deletes the project's deployments");
                }
            }
            case "mirrord exec", "mirrord container" -> {
                if (p.has("--steal")) {
                    b.note("takes the target's live traffic: requests are served by the local code instead of the workload");
                }
            }
            default -> {
            }
        }
    }

    /** The longest command phrase (up to three words) the positional words start with. */
    private static Optional<String> longest(InnerLoopTool tool, List<String> words) {
        for (int n = Math.min(3, words.size()); n > 0; n--) {
            String candidate = String.join(" ", words.subList(0, n));
            if (tool.commands().containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** An operation in the cluster the flags, variables or kubeconfig name (resolved later, through the inventory). */
    private static Operation.Builder op(Invocation inv, InnerLoopTool tool, ParsedArgs p, Verb verb, String type, String name) {
        Operation.Builder b = Operation.builder(tool.system(), verb).resource(type, name).evidence(inv.evidence())
                .confidence(Confidence.EXACT);
        tool.variables().forEach((variable, locator) -> {
            String value = inv.env().getOrDefault(variable, "");
            if (!value.isBlank()) {
                b.locator(locator, value);
            }
        });
        String kubeconfig = p.value("--kubeconfig").orElse(inv.env().getOrDefault("KUBECONFIG", ""));
        if (!kubeconfig.isBlank()) {
            b.locator("kubeconfig", kubeconfig);
        }
        p.value(tool.contexts().toArray(String[]::new)).ifPresent(c -> b.locator("context", c));
        p.value(tool.namespaces().toArray(String[]::new)).ifPresent(ns -> b.locator("namespace", ns));
        p.value(tool.environments().toArray(String[]::new)).ifPresent(env -> environment(b, env));
        // a project file in an environment's directory (helmfile -f envs/prod/helmfile.yaml) names that environment
        p.value("-f", "--file", "--filename", "--config").filter(f -> f.contains("/") && !f.startsWith("/") && !f.startsWith("~"))
                .ifPresent(f -> b.locator("directory", f.substring(0, f.lastIndexOf('/'))));
        if (inv.program().equals("okteto") && p.value("-c", "--context").isEmpty() && !inv.env().containsKey("OKTETO_CONTEXT")) {
            // okteto acts in its own current context (~/.okteto), often a shared Okteto instance: no kubeconfig on
            // this machine says nothing about where that is
            b.locator("server", "okteto's current context");
        }
        if (inv.program().equals("mirrord")) {
            p.value("-t", "--target").ifPresent(target -> b.resource("workload", target));
        }
        inv.locators().forEach(b::locator);
        return b;
    }

    /** garden's {@code --env NAMESPACE.ENVIRONMENT} names both; other tools' values are just the environment. */
    private static void environment(Operation.Builder b, String value) {
        int dot = value.indexOf('.');
        if (dot > 0 && dot < value.length() - 1) {
            b.locator("namespace", value.substring(0, dot)).locator("environment", value.substring(dot + 1));
        } else {
            b.locator("environment", value);
        }
    }
}
