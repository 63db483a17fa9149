package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;

/** hashicorp/terraform-mcp-server (HCP Terraform / Terraform Enterprise): runs, workspaces, projects, team access. */
final class TerraformTools {

    private TerraformTools() {
    }

    static final ToolFamily FAMILY = new ToolFamily("terraform", c -> true, Map.ofEntries(
            Map.entry("create_run", TerraformTools::createRun),
            Map.entry("action_run", TerraformTools::actionRun),
            Map.entry("delete_workspace_safely", c -> List.of(workspace(c, Verb.DELETE).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("deletes the workspace and its state; the resources it managed are left unmanaged").build())),
            Map.entry("delete_project", c -> List.of(c.op("terraform", Verb.DELETE, "project", c.text("project_name", "project_id"))
                    .scope(Scope.ALL).stateful(true).reversible(false).note("deletes the project and its workspaces").build())),
            Map.entry("force_unlock_workspace", c -> List.of(workspace(c, Verb.UPDATE).reversible(false)
                    .note("removes a state lock another run may hold; concurrent runs can corrupt the state").build())),
            Map.entry("grant_team_access", c -> List.of(c.op("terraform", Verb.GRANT, "team-access", c.text("team_name", "team_id"))
                    .note("gives a team access to a project or workspace").build())),
            Map.entry("create_workspace", c -> List.of(workspace(c, Verb.CREATE).build())),
            Map.entry("update_workspace", c -> List.of(workspace(c, Verb.UPDATE).build())),
            Map.entry("create_workspace_variable", c -> List.of(workspace(c, Verb.UPDATE).note("sets a workspace variable").build())),
            Map.entry("update_workspace_variable", c -> List.of(workspace(c, Verb.UPDATE).note("sets a workspace variable").build()))));

    private static Operation.Builder workspace(McpCall c, Verb verb) {
        String name = c.text("workspace_name", "workspace_id", "name");
        return c.op("terraform", verb, "workspace", name).locator("workspace", name).locator("organization", c.text("terraform_org_name", "organization"));
    }

    /** {@code create_run}: a destroy run tears the workspace down; auto-apply applies a plan nobody read. */
    private static List<Operation> createRun(McpCall c) {
        boolean destroy = c.flag("is_destroy") || c.text("run_type").contains("destroy");
        boolean auto = c.flag("auto_apply", "auto_approve") || c.text("run_type").contains("auto_approve");
        if (destroy) {
            return List.of(workspace(c, Verb.DELETE).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("a destroy run: every resource in the workspace" + (auto ? "; applied without a human confirming the plan" : "")).build());
        }
        Operation.Builder b = workspace(c, Verb.UPDATE).scope(Scope.MANY).confidence(Confidence.INFERRED);
        return List.of(b.note(auto ? "applies the run's plan without a human confirming it; the plan is not read here"
                : "plans a run; applying it is a separate confirmation").verb(auto ? Verb.UPDATE : Verb.READ).build());
    }

    private static List<Operation> actionRun(McpCall c) {
        String action = c.text("run_action", "action");
        if (action.equals("apply")) {
            return List.of(c.op("terraform", Verb.UPDATE, "run", c.text("run_id")).scope(Scope.MANY).confidence(Confidence.INFERRED)
                    .note("applies run " + c.text("run_id") + ", whose plan Interlock has not read").build());
        }
        if (action.equals("discard")) {
            // a discarded run never applies: the workspace stays as it is
            return List.of(c.op("terraform", Verb.READ, "run", c.text("run_id")).note("discards a run: nothing is applied").build());
        }
        return List.of(c.op("terraform", Verb.UPDATE, "run", c.text("run_id")).note(action + " a run").build());
    }
}
