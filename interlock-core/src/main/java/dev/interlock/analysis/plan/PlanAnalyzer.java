package dev.interlock.analysis.plan;

import dev.interlock.analysis.catalogue.Catalogue;
import dev.interlock.analysis.catalogue.CatalogueEntry;
import dev.interlock.analysis.catalogue.Outcome;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Plan;
import dev.interlock.model.PlanChange;
import dev.interlock.model.RequestContext;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation per plan change, judged with the catalogue: what the resource holds ({@code holds} data or access),
 * what a delete or replace does to its data ({@code data}: lost, kept, refused) and why. A Terraform plan that deletes
 * everything it manages adds one whole-workspace delete, which the teardown rules recognise.
 */
public final class PlanAnalyzer {

    /** Human words for Terraform's {@code action_reason} values. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("replace_because_tainted", "tainted by an earlier failed apply or `terraform taint`"),
            Map.entry("replace_because_cannot_update", "a changed argument cannot be updated in place"),
            Map.entry("replace_by_request", "replacement was requested (-replace)"),
            Map.entry("replace_by_triggers", "replace_triggered_by fired"),
            Map.entry("delete_because_no_resource_config", "its configuration was removed"),
            Map.entry("delete_because_no_module", "its module was removed"),
            Map.entry("delete_because_wrong_repetition", "count/for_each was switched"),
            Map.entry("delete_because_count_index", "count was lowered"),
            Map.entry("delete_because_each_key", "its for_each key was removed"),
            Map.entry("delete_because_no_move_target", "a moved block points nowhere"),
            Map.entry("read_because_config_unknown", "its configuration is known only at apply"),
            Map.entry("read_because_dependency_pending", "it depends on a pending change"));

    private PlanAnalyzer() {
    }

    /**
     * {@code context.cwd} is where the plan was made: for Terraform and Pulumi, the configuration's directory (a
     * locator the inventory can name, {@code envs/prod}).
     */
    public static List<Operation> analyze(Plan plan, Catalogue catalogue, RequestContext context) {
        String directory = plan.tool().equals("terraform") || plan.tool().equals("pulumi") ? configurationDirectory(context.cwd().orElse("")) : "";
        String backend = plan.tool().equals("terraform") ? Backends.of(context) : "";
        List<Operation> ops = new ArrayList<>(plan.changes().size() + 1);
        boolean everythingDeleted = plan.unchanged() == 0 && plan.changes().size() >= 2;
        boolean anyData = false;
        for (PlanChange change : plan.changes()) {
            Operation op = operation(plan, change, catalogue, directory, backend);
            ops.add(op);
            if (change.verb() != Verb.READ && change.verb() != Verb.DELETE || change.attributes().containsKey("prune")) {
                everythingDeleted = false;
            }
            anyData |= op.stateful() && op.verb().destructive();
        }
        // Only Terraform lists every resource it manages (unchanged ones as no-ops); change sets and previews
        // without --show-sames leave the unchanged out, so "everything deleted" cannot be told from them.
        if (everythingDeleted && plan.tool().equals("terraform")) {
            String type = "workspace";
            Operation.Builder teardown = Operation.builder(plan.tool(), Verb.DELETE)
                    .resource(type, !plan.name().isEmpty() ? plan.name() : directory.isEmpty() ? "the " + type
                            : directory.substring(directory.replace('\\', '/').lastIndexOf('/') + 1))
                    .scope(Scope.ALL).stateful(anyData).reversible(false)
                    .evidence(Evidence.text(plan.describe()))
                    .note("the plan destroys every resource it manages (" + plan.changes().size() + ")");
            plan.locators().forEach(teardown::locator);
            teardown.locator("directory", directory).locator("backend", backend);
            ops.add(0, teardown.build());
        }
        return ops;
    }

    /** Types whose objects give someone permissions: Kubernetes RBAC, cloud IAM bindings, members and policy attachments. */
    private static final java.util.regex.Pattern PERMISSIONS = java.util.regex.Pattern.compile(
            "(?i)^(Role|ClusterRole|RoleBinding|ClusterRoleBinding)$|kubernetes_(cluster_)?role(_binding)?|iam_(member|binding|policy)\\b"
                    + "|_iam_(member|binding)$|policy_attachment|role_assignment|aws_iam_(role|user|group)_policy$|AWS::IAM::(Policy|ManagedPolicy|UserToGroupAddition)"
                    + "|iam/(rolePolicyAttachment|policyAttachment|userPolicyAttachment)|authorization:RoleAssignment|rbac\\.authorization");

    private static Operation operation(Plan plan, PlanChange change, Catalogue catalogue, String directory, String backend) {
        // creating or changing a permission binding (a ClusterRoleBinding, an IAM member or attachment) grants access
        Verb verb = (change.verb() == Verb.CREATE || change.verb() == Verb.UPDATE) && PERMISSIONS.matcher(change.type()).find()
                ? Verb.GRANT : change.verb();
        Operation.Builder b = Operation.builder(plan.tool(), verb)
                .resource(change.type(), change.address())
                .locator("directory", directory)
                .locator("backend", backend)
                .evidence(Evidence.text(change.address() + " [" + change.actions() + "]"));
        plan.locators().forEach(b::locator);
        change.locators().forEach(b::locator);
        if (!plan.name().isEmpty() && plan.tool().equals("pulumi")) {
            b.locator("stack", plan.name());
        }
        List<String> notes = new ArrayList<>();
        notes.add(describe(change));
        Optional<CatalogueEntry> entry = catalogue.lookup(change.type());
        boolean removes = change.verb() == Verb.DELETE || change.verb() == Verb.REPLACE;
        if (entry.isPresent()) {
            CatalogueEntry e = entry.get();
            b.locator("holds", e.holdsData() ? "data" : "access").locator("what", e.what());
            b.stateful(e.holdsData() && change.verb() != Verb.CREATE && change.verb() != Verb.READ);
            if (removes) {
                Outcome outcome = outcome(e, change);
                String decided = decidedBy(e, change);
                if (e.holdsData()) {
                    b.locator("data", outcome.wire());
                    b.reversible(outcome != Outcome.LOST);
                    notes.add(switch (outcome) {
                        case LOST -> "the " + e.what() + "'s data is lost";
                        case KEPT -> "the " + e.what() + "'s data is kept";
                        case REFUSED -> "the provider will refuse to delete the " + e.what();
                    } + (decided.isEmpty() ? "" : " (" + decided + ")"));
                    if (plan.tool().equals("terraform") && outcome == Outcome.LOST) {
                        notes.add("no prevent_destroy (a plan that destroyed it would otherwise have failed)");
                    }
                } else {
                    b.reversible(true);
                    notes.add("whatever uses this " + e.what() + " loses access until it is back");
                }
            }
        } else if (removes) {
            b.reversible(true);
        }
        if (change.attributes().containsKey("dynamic") || change.attribute("replacement").equals("Conditional")) {
            b.confidence(Confidence.INFERRED);
        }
        if (change.attributes().containsKey("prune")) {
            b.scope(change.attribute("prune").equals("all") ? Scope.ALL : Scope.MANY).reversible(false).stateful(true);
        }
        String identity = identity(change);
        if (removes && !identity.isEmpty()) {
            notes.add("removes " + identity);
        }
        return b.note(String.join("; ", notes.stream().filter(n -> !n.isEmpty()).toList())).build();
    }

    /**
     * The directory as the inventory should see it: without {@code /home/NAME/} (a user called dev does not make
     * every directory of theirs a dev environment).
     */
    static String configurationDirectory(String cwd) {
        return cwd.replaceFirst("^(/home/[^/]+|/Users/[^/]+|/root)(?=/|$)", "~");
    }

    /** Tool-level options decide before the catalogue: Pulumi's protect/retainOnDelete, CloudFormation's deletion policy. */
    private static Outcome outcome(CatalogueEntry e, PlanChange change) {
        if (change.attribute("protect").equals("true")) {
            return Outcome.REFUSED;
        }
        String policy = change.attribute("policy_action");
        if (change.attribute("retainOnDelete").equals("true") || policy.endsWith("Retain") || policy.endsWith("Snapshot")) {
            return Outcome.KEPT;
        }
        return e.outcome(change.attributes());
    }

    private static String decidedBy(CatalogueEntry e, PlanChange change) {
        for (String key : List.of("protect", "retainOnDelete", "policy_action")) {
            if (!change.attribute(key).isEmpty() && !change.attribute(key).endsWith("Delete")) {
                return key + "=" + change.attribute(key);
            }
        }
        return e.decidedBy(change.attributes());
    }

    private static String describe(PlanChange change) {
        StringBuilder s = new StringBuilder();
        Map<String, String> a = change.attributes();
        if (a.containsKey("deposed")) {
            s.append("deletes deposed object ").append(a.get("deposed")).append(" (left by an earlier create_before_destroy)");
        } else if (a.containsKey("importing")) {
            s.append("imports the existing ").append(a.get("importing").isEmpty() ? "resource" : a.get("importing"));
        } else if (a.containsKey("forget") || change.actions().equals("forget")) {
            s.append("stops managing it; the real resource keeps running");
        } else if (change.verb() == Verb.REPLACE) {
            s.append(change.actions().equals("create,delete")
                    ? "replaced: the new one is created first (create_before_destroy), then the old one destroyed"
                    : "replaced: destroyed, then created again");
        }
        if (a.containsKey("previous_address")) {
            s.append(s.isEmpty() ? "" : "; ").append("moved from ").append(a.get("previous_address"));
        }
        if (!change.reason().isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append(REASONS.getOrDefault(change.reason(), change.reason()));
        }
        if (a.containsKey("replace_paths")) {
            s.append(s.isEmpty() ? "" : "; ").append("forced by ").append(a.get("replace_paths"));
        }
        if (a.containsKey("turns_off")) {
            s.append(s.isEmpty() ? "" : "; ").append("turns off ").append(a.get("turns_off"));
        }
        return s.toString();
    }

    /** What the reviewer recognises the resource by: its name, identifier or id before the change. */
    private static String identity(PlanChange change) {
        for (String key : List.of("identifier", "cluster_identifier", "bucket", "name", "table_name", "physical_id", "arn", "id")) {
            String v = change.attribute(key);
            if (!v.isEmpty() && !v.equals("null")) {
                return key + "=" + v;
            }
        }
        return "";
    }
}
