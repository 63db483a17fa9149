package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HCP Terraform's and Terraform Enterprise's API ({@code /api/v2/}) called with curl or wget, judged as the Terraform MCP
 * server's tools are: a workspace's settings changed ({@code PATCH …/workspaces/NAME}: auto-apply, the VCS branch, the
 * working directory) are an update of that workspace, placed by its name as a Terraform workspace is ({@code sandbox-dev-*}
 * dev, {@code payments-prod} prod); deleting it (or {@code actions/safe-delete}) loses its state; a run created with
 * {@code is-destroy} tears the workspace down; applying a run applies a plan Interlock has not read. Reads stay reads.
 * Only hosts that are HCP Terraform or name Terraform Enterprise are taken, so another service's {@code /api/v2/} is not.
 */
final class TerraformCloudApis {

    private TerraformCloudApis() {
    }

    private static final String PREFIX = "/api/v2/";
    private static final Pattern BY_NAME = Pattern.compile("/api/v2/organizations/([^/]+)/workspaces/([^/]+)(/.*)?");
    private static final Pattern BY_ID = Pattern.compile("/api/v2/workspaces/([^/]+)(/.*)?");
    private static final Pattern RUN_ACTION = Pattern.compile("/api/v2/runs/([^/]+)/actions/([a-z-]+)/?");
    private static final Pattern DESTROY_RUN = Pattern.compile("\"is-destroy\"\\s*:\\s*true");
    private static final Pattern WORKSPACE_ID = Pattern.compile("\"id\"\\s*:\\s*\"(ws-[A-Za-z0-9]+)\"");

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String path = NetworkRecognizer.path(url);
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String host = Hosts.of(url).toLowerCase(Locale.ROOT);
        if (!host.equals("app.terraform.io") && !host.contains("terraform") && !host.contains("tfe")) {
            return Optional.empty();
        }
        String verb = method.isEmpty() ? body.isEmpty() ? "GET" : "POST" : method.toUpperCase(Locale.ROOT);
        String sent = String.join(" ", body);
        Matcher byName = BY_NAME.matcher(path);
        Matcher byId = BY_ID.matcher(path);
        Operation.Builder b;
        if (byName.matches() || byId.matches()) {
            boolean named = byName.matches();
            String workspace = named ? byName.group(2) : byId.group(1);
            String rest = (named ? byName.group(3) : byId.group(2)) == null ? "" : named ? byName.group(3) : byId.group(2);
            b = workspace(verb, workspace, rest, inv);
            if (named) {
                b.locator("organization", byName.group(1));
            }
        } else if (path.equals("/api/v2/runs") && verb.equals("POST")) {
            Matcher id = WORKSPACE_ID.matcher(sent);
            String workspace = id.find() ? id.group(1) : "";
            b = DESTROY_RUN.matcher(sent).find()
                    ? Operation.builder("terraform", Verb.DELETE).resource("workspace", workspace).scope(Scope.ALL).stateful(true)
                            .reversible(false).note("a destroy run: every resource in the workspace")
                    : Operation.builder("terraform", Verb.UPDATE).resource("workspace", workspace).scope(Scope.MANY)
                            .confidence(Confidence.INFERRED).note("queues a run; with auto-apply it applies a plan nobody read");
            b.locator("workspace", workspace);
        } else {
            Matcher run = RUN_ACTION.matcher(path);
            if (run.matches() && verb.equals("POST")) {
                boolean harmless = run.group(2).equals("discard") || run.group(2).equals("cancel");
                b = Operation.builder("terraform", harmless ? Verb.READ : Verb.UPDATE).resource("run", run.group(1))
                        .scope(harmless ? Scope.ONE : Scope.MANY).confidence(Confidence.INFERRED)
                        .note(harmless ? run.group(2) + "s a run: nothing is applied"
                                : run.group(2) + " of run " + run.group(1) + ", whose plan Interlock has not read");
            } else if (verb.equals("GET") || verb.equals("HEAD")) {
                b = Operation.builder("terraform", Verb.READ).resource("api", path);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(List.of(b.locator("host", host).evidence(inv.evidence()).build()));
    }

    /** A call on one workspace, by name or id; {@code rest} is the path below it ({@code /vars}, {@code /actions/lock}). */
    private static Operation.Builder workspace(String verb, String workspace, String rest, Invocation inv) {
        Operation.Builder b = Operation.builder("terraform", Verb.UPDATE).resource("workspace", workspace).locator("workspace", workspace);
        if (verb.equals("GET") || verb.equals("HEAD")) {
            return b.verb(Verb.READ).note("reads the workspace" + (rest.isEmpty() ? "" : " " + rest.substring(1)));
        }
        boolean whole = rest.isEmpty() || rest.equals("/");
        if (whole && verb.equals("DELETE") || rest.equals("/actions/safe-delete") && verb.equals("POST")) {
            return b.verb(Verb.DELETE).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("deletes the workspace and its state; the resources it managed are left unmanaged");
        }
        if (rest.equals("/actions/force-unlock")) {
            return b.reversible(false).note("removes a state lock another run may hold; concurrent runs can corrupt the state");
        }
        return b.reversible(true).note(whole ? "changes the workspace's settings" : "changes the workspace's " + rest.substring(1));
    }
}
