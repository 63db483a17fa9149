package dev.interlock.analysis.shell.recognizers;

import static dev.interlock.analysis.shell.recognizers.AwsAction.create;
import static dev.interlock.analysis.shell.recognizers.AwsAction.credential;
import static dev.interlock.analysis.shell.recognizers.AwsAction.delete;
import static dev.interlock.analysis.shell.recognizers.AwsAction.escalate;
import static dev.interlock.analysis.shell.recognizers.AwsAction.execute;
import static dev.interlock.analysis.shell.recognizers.AwsAction.grant;
import static dev.interlock.analysis.shell.recognizers.AwsAction.read;
import static dev.interlock.analysis.shell.recognizers.AwsAction.update;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Identity, secrets and accounts: the services where the generic verb rule is most wrong. Attaching a policy is a
 * {@code grant}, creating an access key hands out a {@code credential}, assuming a role is an {@code escalate}, and
 * {@code get-secret-value} is not a read.
 */
final class AwsIamTable {

    private AwsIamTable() {
    }

    private static final Map<String, AwsAction> TABLE = new HashMap<>();

    private static void put(String service, String operation, AwsAction action) {
        TABLE.put(service + " " + operation, action);
    }

    static Optional<AwsAction> lookup(String service, String operation) {
        return Optional.ofNullable(TABLE.get(service + " " + operation));
    }

    static {
        // IAM: permissions given to someone.
        for (String who : new String[] {"user", "role", "group"}) {
            put("iam", "attach-" + who + "-policy", grant(who + "-policy").named("--" + who + "-name", "--policy-arn"));
            put("iam", "put-" + who + "-policy", grant(who + "-policy").named("--" + who + "-name", "--policy-name"));
            put("iam", "detach-" + who + "-policy", delete(who + "-policy").reversible()
                    .named("--" + who + "-name", "--policy-arn"));
            put("iam", "delete-" + who + "-policy", delete(who + "-policy").named("--" + who + "-name", "--policy-name"));
            put("iam", "create-" + who, create(who).named("--" + who + "-name"));
            put("iam", "delete-" + who, delete(who).named("--" + who + "-name"));
        }
        put("iam", "put-user-permissions-boundary", grant("user-policy").named("--user-name"));
        put("iam", "put-role-permissions-boundary", grant("role-policy").named("--role-name"));
        put("iam", "add-user-to-group", grant("group-membership").named("--user-name", "--group-name"));
        put("iam", "remove-user-from-group", delete("group-membership").reversible().named("--user-name"));
        put("iam", "update-assume-role-policy", grant("trust-policy").named("--role-name"));
        put("iam", "create-policy-version", create("policy-version").named("--policy-arn"));
        put("iam", "set-default-policy-version", grant("policy-version").named("--policy-arn"));
        put("iam", "create-policy", create("policy").named("--policy-name"));
        put("iam", "delete-policy", delete("policy").named("--policy-arn"));
        put("iam", "add-role-to-instance-profile", grant("instance-profile").named("--instance-profile-name"));
        put("iam", "create-service-linked-role", create("role").named("--aws-service-name"));
        // IAM: credentials made or changed (the verb is credential: someone obtains a secret).
        put("iam", "create-access-key", credential("access-key").named("--user-name")
                .note("creates a new access key and returns its secret"));
        put("iam", "create-login-profile", credential("login-profile").named("--user-name")
                .note("sets a console password"));
        put("iam", "update-login-profile", credential("login-profile").named("--user-name")
                .note("changes a console password"));
        put("iam", "create-service-specific-credential", credential("service-credential").named("--user-name"));
        put("iam", "reset-service-specific-credential", credential("service-credential").named("--user-name"));
        put("iam", "upload-ssh-public-key", grant("ssh-key").named("--user-name"));
        put("iam", "delete-access-key", delete("access-key").named("--access-key-id"));
        put("iam", "update-access-key", update("access-key").named("--access-key-id"));
        put("iam", "get-credential-report", read("credential-report"));

        // STS: the caller becomes someone else.
        for (String op : new String[] {"assume-role", "assume-role-with-web-identity", "assume-role-with-saml"}) {
            put("sts", op, escalate("role").named("--role-arn"));
        }
        put("sts", "get-federation-token", escalate("federation-token").named("--name"));
        put("sts", "get-session-token", escalate("session-token").named("--serial-number"));
        put("sts", "assume-root", escalate("root").named("--target-principal"));
        put("sts", "get-caller-identity", read("identity"));
        put("sts", "decode-authorization-message", read("authorization-message"));

        // KMS: losing a key loses everything encrypted with it.
        put("kms", "schedule-key-deletion", delete("key").stateful().irreversible().named("--key-id")
                .note("everything encrypted with this key becomes unreadable"));
        put("kms", "disable-key", update("key").stateful().named("--key-id")
                .note("data encrypted with this key cannot be read while it is disabled"));
        put("kms", "cancel-key-deletion", update("key").named("--key-id"));
        put("kms", "decrypt", credential("ciphertext").named("--key-id"));
        put("kms", "encrypt", read("plaintext").named("--key-id"));
        put("kms", "generate-data-key", credential("data-key").named("--key-id"));
        put("kms", "generate-data-key-pair", credential("data-key").named("--key-id"));
        put("kms", "create-grant", grant("key-grant").named("--key-id"));
        put("kms", "put-key-policy", grant("key-policy").named("--key-id"));
        put("kms", "revoke-grant", grant("key-grant").named("--key-id"));

        // Secrets Manager and SSM Parameter Store.
        put("secretsmanager", "get-secret-value", credential("secret").named("--secret-id"));
        put("secretsmanager", "batch-get-secret-value", credential("secret").many().named("--secret-id-list"));
        put("secretsmanager", "delete-secret", delete("secret").stateful().reversible().named("--secret-id")
                .note("recoverable during the recovery window"));
        put("secretsmanager", "put-secret-value", update("secret").named("--secret-id"));
        put("secretsmanager", "update-secret", update("secret").named("--secret-id"));
        put("secretsmanager", "rotate-secret", update("secret").named("--secret-id"));
        put("secretsmanager", "put-resource-policy", grant("secret-policy").named("--secret-id"));
        put("secretsmanager", "restore-secret", update("secret").named("--secret-id"));
        put("ssm", "get-parameter", read("parameter").named("--name"));
        put("ssm", "get-parameters", read("parameter").named("--names"));
        put("ssm", "get-parameters-by-path", read("parameter").many().named("--path"));
        put("ssm", "get-parameter-history", read("parameter").named("--name"));
        put("ssm", "put-parameter", update("parameter").named("--name"));
        put("ssm", "delete-parameter", delete("parameter").named("--name"));
        put("ssm", "delete-parameters", delete("parameter").named("--names"));
        put("ssm", "send-command", execute("instance").named("--instance-ids", "--targets"));
        put("ssm", "start-session", execute("instance").named("--target"));
        put("ssm", "start-automation-execution", execute("automation").named("--document-name"));

        // Organizations: accounts leave, close, or get new guardrails.
        put("organizations", "leave-organization", delete("organization").all());
        put("organizations", "delete-organization", delete("organization").stateful().all());
        put("organizations", "remove-account-from-organization", delete("account").all().named("--account-id"));
        put("organizations", "close-account", delete("account").stateful().all().named("--account-id"));
        put("organizations", "create-account", create("account").named("--account-name"));
        put("organizations", "attach-policy", grant("organization-policy").named("--policy-id", "--target-id"));
        put("organizations", "detach-policy", grant("organization-policy").named("--policy-id", "--target-id"));

        // Other services that hand out secrets or identities.
        put("cognito-idp", "admin-initiate-auth", credential("user-token").named("--user-pool-id"));
        put("cognito-idp", "admin-set-user-password", credential("user-password").named("--username"));
        put("cognito-idp", "admin-delete-user", delete("user").stateful().named("--username"));
        put("lightsail", "get-instance-access-details", credential("instance-access").named("--instance-name"));
        put("ec2-instance-connect", "send-ssh-public-key", grant("ssh-key").named("--instance-id"));
        put("sso", "get-role-credentials", credential("role-credentials").named("--role-name"));
        put("sso", "login", credential("sso-session").note("obtains credentials for the profile"));
        put("sso", "logout", update("sso-session").local());
        put("ssm", "get-connection-status", read("instance").named("--target"));
        put("apigateway", "get-api-key", read("api-key").named("--api-key"));
        put("iot", "create-keys-and-certificate", credential("certificate"));
        put("ssm", "send-automation-signal", update("automation").named("--automation-execution-id"));
        put("ds", "reset-user-password", credential("user-password").named("--user-name"));
        put("redshift", "get-cluster-credentials", credential("cluster-credentials").named("--cluster-identifier"));
        put("rds-data", "execute-statement", execute("database").inferred().named("--database", "--resource-arn")
                .note("SQL statement sent to the database"));
        put("athena", "start-query-execution", execute("query").inferred().named("--query-string")
                .note("runs SQL that may write"));
        put("stepfunctions", "start-execution", execute("state-machine").named("--state-machine-arn"));
        put("codebuild", "start-build", execute("build").named("--project-name"));
        put("glue", "start-job-run", execute("job").named("--job-name"));
    }
}
