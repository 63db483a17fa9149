package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Confidence;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The exceptions to the tables: options that change what an operation does ({@code --dry-run},
 * {@code --skip-final-snapshot}, {@code --force}, a DELETE inside a Route 53 change batch, a policy that grants
 * everything). Each rule takes the table's reading and returns the refined one.
 */
final class AwsRules {

    private AwsRules() {
    }

    private static final List<String> ADMIN_POLICIES = List.of("administratoraccess", "iamfullaccess",
            "poweruseraccess", "\"action\":\"*\"", "\"action\":[\"*\"]", "\"action\":\"iam:*\"");
    private static final Set<String> PUBLIC_ACLS = Set.of("public-read", "public-read-write", "authenticated-read");

    static AwsAction refine(String service, String operation, AwsCommand cmd, AwsAction action) {
        if (cmd.has("--dry-run") && !cmd.has("--no-dry-run")) {
            return AwsAction.read(action.type()).named(action.nameFlags().toArray(String[]::new))
                    .note("dry run: checks permissions without making the change");
        }
        if (cmd.has("--generate-cli-skeleton")) {
            return AwsAction.read(action.type()).note("prints a request skeleton; nothing is called");
        }
        if (service.equals("cloudformation") && (operation.equals("create-change-set")
                || operation.equals("deploy") && cmd.has("--no-execute-changeset"))) {
            // a change set is a proposal a human reviews; nothing in the stack changes until it is executed
            return AwsAction.read("change-set").named(action.nameFlags().toArray(String[]::new))
                    .note("creates a change set for review; the stack is unchanged until it is executed");
        }
        AwsAction refined = byService(service, operation, cmd, action);
        boolean unprotects = cmd.options().keySet().stream().anyMatch(f -> f.startsWith("--no-")
                && (f.contains("deletion-protection") || f.contains("termination-protection")));
        return unprotects ? refined.note("turns off deletion protection") : refined;
    }

    /** A PartiQL statement that only reads: one SELECT, nothing after it. */
    private static boolean partiqlSelect(String statement) {
        String s = statement.strip();
        return dev.interlock.analysis.Regex.matches(s, "(?is)select\\s.*") && !s.replaceFirst(";\\s*$", "").contains(";");
    }

    private static AwsAction byService(String service, String operation, AwsCommand cmd, AwsAction action) {
        return switch (service) {
            case "rds", "docdb", "neptune" -> rds(operation, cmd, action);
            case "ec2" -> ec2(operation, cmd, action);
            case "s3api" -> s3api(operation, cmd, action);
            case "iam" -> iam(operation, cmd, action);
            case "dynamodb" -> operation.equals("batch-write-item") && cmd.anyValueContains("DeleteRequest")
                    ? action.verb(Verb.DELETE).stateful().irreversible().note("the batch deletes items")
                    : operation.equals("execute-statement") && partiqlSelect(cmd.text("--statement").orElse(""))
                    ? AwsAction.read("item").named(action.nameFlags().toArray(String[]::new)).note("a PartiQL SELECT reads items") : action;
            case "ecs" -> operation.equals("update-service") && cmd.text("--desired-count").orElse("").equals("0")
                    ? action.note("scales the service to zero tasks: an outage") : action;
            case "ecr" -> operation.equals("delete-repository") && cmd.has("--force")
                    ? action.all().note("--force deletes every image in the repository") : action;
            case "route53" -> route53(operation, cmd, action);
            case "secretsmanager" -> operation.equals("delete-secret") && cmd.has("--force-delete-without-recovery")
                    ? action.irreversible().note("--force-delete-without-recovery: no recovery window") : action;
            case "ssm" -> operation.startsWith("get-parameter") && cmd.has("--with-decryption")
                    ? action.verb(Verb.CREDENTIAL).note("--with-decryption returns secret values") : action;
            case "cloudformation" -> cloudformation(operation, cmd, action);
            case "lambda" -> lambda(operation, cmd, action);
            case "glue" -> operation.startsWith("get-connection") && cmd.has("--hide-password")
                    ? action.verb(Verb.READ).note("--hide-password: the connection without its password") : action;
            // the value flag makes the key listing print every API key in clear
            case "apigateway" -> operation.equals("get-api-key") && cmd.has("--include-value")
                    || operation.equals("get-api-keys") && cmd.has("--include-values")
                    ? action.verb(Verb.CREDENTIAL).note("--include-value(s) returns the API key values") : action;
            default -> action;
        };
    }

    /**
     * A {@code --query} that picks a function's environment variables prints what functions keep there: database
     * passwords and API keys. The whole configuration stays a read (the corpus's aws-022/023: inspecting a function).
     */
    private static AwsAction lambda(String operation, AwsCommand cmd, AwsAction action) {
        if (!operation.equals("get-function-configuration") && !operation.equals("get-function")) {
            return action;
        }
        boolean printsEnvironment = cmd.text("--query").map(q -> q.contains("Environment")).orElse(false);
        return printsEnvironment ? action.verb(Verb.CREDENTIAL).note("prints the function's environment variables, its secrets")
                : action;
    }

    private static AwsAction cloudformation(String operation, AwsCommand cmd, AwsAction action) {
        if (!operation.equals("delete-stack")) {
            return action;
        }
        // a per-PR preview stack (web-pr-1182) is one throwaway copy among many, not an environment
        AwsAction a = cmd.text("--stack-name").filter(DeploymentWords::ephemeral).isPresent()
                ? action.scope(Scope.MANY).note("a per-PR or preview stack") : action;
        return cmd.has("--retain-resources") ? a.note("the listed resources are retained; the rest of the stack is deleted") : a;
    }

    private static AwsAction rds(String operation, AwsCommand cmd, AwsAction action) {
        if (operation.startsWith("delete-db-")) {
            AwsAction a = action;
            if (cmd.has("--skip-final-snapshot")) {
                a = a.irreversible().note("--skip-final-snapshot: no final snapshot is taken, the data is gone");
            } else if (cmd.has("--final-db-snapshot-identifier", "--final-snapshot-identifier")) {
                a = a.reversible().note("a final snapshot is kept");
            }
            return cmd.has("--delete-automated-backups") ? a.note("automated backups are deleted too") : a;
        }
        if (operation.startsWith("modify-") && cmd.has("--apply-immediately")) {
            return action.note("--apply-immediately: applied now, not in the maintenance window");
        }
        return action;
    }

    private static AwsAction ec2(String operation, AwsCommand cmd, AwsAction action) {
        if (operation.startsWith("authorize-security-group") && (cmd.anyValueContains("0.0.0.0/0")
                || cmd.anyValueContains("::/0"))) {
            return action.all().note("opens to the internet (0.0.0.0/0)");
        }
        // a Client VPN rule for every user or to every network: the VPN is as open as a security group from 0.0.0.0/0
        if (operation.equals("authorize-client-vpn-ingress") && (cmd.has("--authorize-all-groups")
                || cmd.anyValueContains("0.0.0.0/0") || cmd.anyValueContains("::/0"))) {
            return action.verb(Verb.GRANT).all().note(cmd.has("--authorize-all-groups")
                    ? "authorizes every user of the Client VPN (--authorize-all-groups)" : "authorizes access to every network (0.0.0.0/0)");
        }
        if (operation.equals("modify-snapshot-attribute") || operation.equals("modify-image-attribute")) {
            boolean permissions = cmd.has("--create-volume-permission", "--launch-permission", "--user-ids",
                    "--group-names", "--organization-arns");
            if (!permissions) {
                return action.verb(Verb.UPDATE);
            }
            return containsWord(cmd, "all") ? action.all().note("shares it publicly") : action;
        }
        return action;
    }

    private static AwsAction s3api(String operation, AwsCommand cmd, AwsAction action) {
        switch (operation) {
            case "put-bucket-policy" -> {
                String policy = squash(cmd.text("--policy").orElse(""));
                if (policy.contains("\"principal\":\"*\"") || policy.contains("\"aws\":\"*\"")) {
                    return action.all().note("grants access to everyone (Principal *): public");
                }
                return policy.startsWith("file://") ? action.inferred().note("policy read from a file") : action;
            }
            case "put-bucket-acl", "put-object-acl" -> {
                boolean isPublic = PUBLIC_ACLS.contains(cmd.text("--acl").orElse(""))
                        || cmd.anyValueContains("AllUsers") || cmd.anyValueContains("AuthenticatedUsers");
                return isPublic ? action.all().note("makes it public") : action;
            }
            case "put-public-access-block" -> {
                String config = squash(cmd.text("--public-access-block-configuration").orElse(""));
                return config.contains("false") ? action.note("relaxes the public access block") : action;
            }
            case "delete-object" -> {
                return cmd.has("--version-id") ? action.note("permanently deletes that object version") : action;
            }
            default -> {
                return action;
            }
        }
    }

    private static AwsAction iam(String operation, AwsCommand cmd, AwsAction action) {
        AwsAction a = action;
        if (operation.equals("create-policy-version") && cmd.has("--set-as-default")) {
            a = a.verb(Verb.GRANT).note("becomes the policy's effective version");
        }
        if (a.verb() == Verb.GRANT) {
            String text = squash(String.join(" ", cmd.everything().stream().map(Arg::value).toList()));
            for (String admin : ADMIN_POLICIES) {
                if (text.contains(admin)) {
                    return a.all().note("administrator: grants full access");
                }
            }
            if (cmd.everything().stream().anyMatch(v -> v.value().startsWith("file://"))) {
                return a.note("policy document read from a file");
            }
        }
        return a;
    }

    private static AwsAction route53(String operation, AwsCommand cmd, AwsAction action) {
        if (!operation.equals("change-resource-record-sets")) {
            return action;
        }
        Arg batch = cmd.first("--change-batch").orElse(Arg.of(""));
        String text = squash(batch.value());
        if (text.contains("\"action\":\"delete\"") || text.contains("action=delete")) {
            return action.verb(Verb.DELETE).irreversible().note("the change batch deletes DNS records");
        }
        if (text.startsWith("file://") || !batch.literal()) {
            return action.confidence() == Confidence.EXACT ? action.inferred().note("change batch not visible here") : action;
        }
        return action;
    }

    /** Lower case without whitespace, so JSON compares however it was formatted. */
    static String squash(String s) {
        return Regex.replaceAll(s, "\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static boolean containsWord(AwsCommand cmd, String word) {
        for (Arg a : cmd.everything()) {
            for (String part : Regex.split(a.value(), "[^A-Za-z0-9]+")) {
                if (part.equalsIgnoreCase(word)) {
                    return true;
                }
            }
        }
        return false;
    }
}
