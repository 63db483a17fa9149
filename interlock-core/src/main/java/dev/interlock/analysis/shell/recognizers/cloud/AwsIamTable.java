package dev.interlock.analysis.shell.recognizers.cloud;

import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.create;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.credential;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.delete;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.escalate;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.execute;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.grant;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.read;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.update;

import java.util.Optional;

/**
 * Identity, secrets and accounts: the services where the generic verb rule is most wrong. Attaching a policy is a
 * {@code grant}, creating an access key hands out a {@code credential}, assuming a role is an {@code escalate}, and
 * {@code get-secret-value} is not a read.
 */
final class AwsIamTable {

    private AwsIamTable() {
    }

    private static final AwsTable TABLE = new AwsTable();

    static Optional<AwsAction> lookup(String service, String operation) {
        return TABLE.lookup(service, operation);
    }

    static {
        // IAM: permissions given to someone.
        for (String who : new String[] {"user", "role", "group"}) {
            TABLE.put("iam", "attach-" + who + "-policy", grant(who + "-policy").named("--" + who + "-name", "--policy-arn"));
            TABLE.put("iam", "put-" + who + "-policy", grant(who + "-policy").named("--" + who + "-name", "--policy-name"));
            TABLE.put("iam", "detach-" + who + "-policy", delete(who + "-policy").reversible()
                    .named("--" + who + "-name", "--policy-arn"));
            TABLE.put("iam", "delete-" + who + "-policy", delete(who + "-policy").named("--" + who + "-name", "--policy-name"));
            TABLE.put("iam", "create-" + who, create(who).named("--" + who + "-name"));
            TABLE.put("iam", "delete-" + who, delete(who).named("--" + who + "-name"));
        }
        TABLE.put("iam", "put-user-permissions-boundary", grant("user-policy").named("--user-name"));
        TABLE.put("iam", "put-role-permissions-boundary", grant("role-policy").named("--role-name"));
        TABLE.put("iam", "add-user-to-group", grant("group-membership").named("--user-name", "--group-name"));
        TABLE.put("iam", "remove-user-from-group", delete("group-membership").reversible().named("--user-name"));
        TABLE.put("iam", "update-assume-role-policy", grant("trust-policy").named("--role-name"));
        TABLE.put("iam", "create-policy-version", create("policy-version").named("--policy-arn"));
        TABLE.put("iam", "set-default-policy-version", grant("policy-version").named("--policy-arn"));
        TABLE.put("iam", "create-policy", create("policy").named("--policy-name"));
        TABLE.put("iam", "delete-policy", delete("policy").named("--policy-arn"));
        TABLE.put("iam", "add-role-to-instance-profile", grant("instance-profile").named("--instance-profile-name"));
        TABLE.put("iam", "create-service-linked-role", create("role").named("--aws-service-name"));
        // IAM: credentials made or changed (the verb is credential: someone obtains a secret).
        TABLE.put("iam", "create-access-key", credential("access-key").named("--user-name")
                .note("creates a new access key and returns its secret"));
        TABLE.put("iam", "create-login-profile", credential("login-profile").named("--user-name")
                .note("sets a console password"));
        TABLE.put("iam", "update-login-profile", credential("login-profile").named("--user-name")
                .note("changes a console password"));
        TABLE.put("iam", "create-service-specific-credential", credential("service-credential").named("--user-name"));
        TABLE.put("iam", "reset-service-specific-credential", credential("service-credential").named("--user-name"));
        TABLE.put("iam", "upload-ssh-public-key", grant("ssh-key").named("--user-name"));
        TABLE.put("iam", "delete-access-key", delete("access-key").named("--access-key-id"));
        TABLE.put("iam", "update-access-key", update("access-key").named("--access-key-id"));
        TABLE.put("iam", "get-credential-report", read("credential-report"));

        // STS: the caller becomes someone else.
        for (String op : new String[] {"assume-role", "assume-role-with-web-identity", "assume-role-with-saml"}) {
            TABLE.put("sts", op, escalate("role").named("--role-arn"));
        }
        TABLE.put("sts", "get-federation-token", escalate("federation-token").named("--name"));
        TABLE.put("sts", "get-session-token", escalate("session-token").named("--serial-number"));
        TABLE.put("sts", "assume-root", escalate("root").named("--target-principal"));
        TABLE.put("sts", "get-caller-identity", read("identity"));
        TABLE.put("sts", "decode-authorization-message", read("authorization-message"));

        // KMS: losing a key loses everything encrypted with it.
        TABLE.put("kms", "schedule-key-deletion", delete("key").stateful().irreversible().named("--key-id")
                .note("everything encrypted with this key becomes unreadable"));
        TABLE.put("kms", "disable-key", update("key").stateful().named("--key-id")
                .note("data encrypted with this key cannot be read while it is disabled"));
        TABLE.put("kms", "cancel-key-deletion", update("key").named("--key-id"));
        TABLE.put("kms", "decrypt", credential("ciphertext").named("--key-id"));
        TABLE.put("kms", "encrypt", read("plaintext").named("--key-id"));
        TABLE.put("kms", "generate-data-key", credential("data-key").named("--key-id"));
        TABLE.put("kms", "generate-data-key-pair", credential("data-key").named("--key-id"));
        TABLE.put("kms", "create-grant", grant("key-grant").named("--key-id"));
        TABLE.put("kms", "put-key-policy", grant("key-policy").named("--key-id"));
        TABLE.put("kms", "revoke-grant", grant("key-grant").named("--key-id"));

        // Secrets Manager and SSM Parameter Store.
        TABLE.put("secretsmanager", "get-secret-value", credential("secret").named("--secret-id"));
        TABLE.put("secretsmanager", "batch-get-secret-value", credential("secret").many().named("--secret-id-list"));
        TABLE.put("secretsmanager", "delete-secret", delete("secret").stateful().reversible().named("--secret-id")
                .note("recoverable during the recovery window"));
        TABLE.put("secretsmanager", "put-secret-value", update("secret").named("--secret-id"));
        TABLE.put("secretsmanager", "update-secret", update("secret").named("--secret-id"));
        TABLE.put("secretsmanager", "rotate-secret", update("secret").named("--secret-id"));
        TABLE.put("secretsmanager", "put-resource-policy", grant("secret-policy").named("--secret-id"));
        TABLE.put("secretsmanager", "restore-secret", update("secret").named("--secret-id"));
        TABLE.put("ssm", "get-parameter", read("parameter").named("--name"));
        TABLE.put("ssm", "get-parameters", read("parameter").named("--names"));
        TABLE.put("ssm", "get-parameters-by-path", read("parameter").many().named("--path"));
        TABLE.put("ssm", "get-parameter-history", read("parameter").named("--name"));
        TABLE.put("ssm", "put-parameter", update("parameter").named("--name"));
        TABLE.put("ssm", "delete-parameter", delete("parameter").named("--name"));
        TABLE.put("ssm", "delete-parameters", delete("parameter").named("--names"));
        TABLE.put("ssm", "send-command", execute("instance").named("--instance-ids", "--targets"));
        TABLE.put("ssm", "start-session", execute("instance").named("--target"));
        TABLE.put("ssm", "start-automation-execution", execute("automation").named("--document-name"));

        // Organizations: accounts leave, close, or get new guardrails.
        TABLE.put("organizations", "leave-organization", delete("organization").all());
        TABLE.put("organizations", "delete-organization", delete("organization").stateful().all());
        TABLE.put("organizations", "remove-account-from-organization", delete("account").all().named("--account-id"));
        TABLE.put("organizations", "close-account", delete("account").stateful().all().named("--account-id"));
        TABLE.put("organizations", "create-account", create("account").named("--account-name"));
        TABLE.put("organizations", "attach-policy", grant("organization-policy").named("--policy-id", "--target-id"));
        TABLE.put("organizations", "detach-policy", grant("organization-policy").named("--policy-id", "--target-id"));

        // Other services that hand out secrets or identities.
        TABLE.put("cognito-idp", "admin-initiate-auth", credential("user-token").named("--user-pool-id"));
        TABLE.put("cognito-idp", "admin-set-user-password", credential("user-password").named("--username"));
        TABLE.put("cognito-idp", "admin-delete-user", delete("user").stateful().named("--username"));
        TABLE.put("lightsail", "get-instance-access-details", credential("instance-access").named("--instance-name"));
        TABLE.put("ec2-instance-connect", "send-ssh-public-key", grant("ssh-key").named("--instance-id"));
        TABLE.put("sso", "get-role-credentials", credential("role-credentials").named("--role-name"));
        TABLE.put("sso", "login", credential("sso-session").note("obtains credentials for the profile"));
        TABLE.put("sso", "logout", update("sso-session").local());
        TABLE.put("ssm", "get-connection-status", read("instance").named("--target"));
        TABLE.put("apigateway", "get-api-key", read("api-key").named("--api-key"));
        TABLE.put("apigateway", "get-api-keys", read("api-key").many().named("--name-query"));
        // an AppSync API key's id is the key itself: listing them prints the secrets
        TABLE.put("appsync", "list-api-keys", credential("api-key").many().named("--api-id"));
        TABLE.put("iot", "create-keys-and-certificate", credential("certificate"));
        TABLE.put("ssm", "send-automation-signal", update("automation").named("--automation-execution-id"));
        TABLE.put("ds", "reset-user-password", credential("user-password").named("--user-name"));
        TABLE.put("redshift", "get-cluster-credentials", credential("cluster-credentials").named("--cluster-identifier"));
        TABLE.put("redshift", "get-cluster-credentials-with-iam", credential("cluster-credentials").named("--cluster-identifier"));
        TABLE.put("redshift-serverless", "get-credentials", credential("workgroup-credentials").named("--workgroup-name"));
        // Glue connections carry the database's user and password; --hide-password leaves it out (AwsRules)
        TABLE.put("glue", "get-connection", credential("connection").named("--name")
                .note("returns the connection's password unless --hide-password is given"));
        TABLE.put("glue", "get-connections", credential("connection").many()
                .note("returns the connections' passwords unless --hide-password is given"));
        TABLE.put("ecr-public", "get-login-password", credential("registry-password"));
        TABLE.put("ecr-public", "get-authorization-token", credential("registry-token"));
        TABLE.put("lightsail", "get-relational-database-master-user-password", credential("database-password")
                .named("--relational-database-name"));
        TABLE.put("lightsail", "download-default-key-pair", credential("key-pair").note("returns the region's default private key"));
        TABLE.put("cognito-identity", "get-credentials-for-identity", credential("identity-credentials").named("--identity-id"));
        TABLE.put("cognito-identity", "get-open-id-token", credential("identity-token").named("--identity-id"));
        TABLE.put("cognito-identity", "get-open-id-token-for-developer-identity", credential("identity-token")
                .named("--identity-pool-id"));
        TABLE.put("gamelift", "get-instance-access", credential("instance-access").named("--instance-id"));
        TABLE.put("gamelift", "get-compute-access", credential("instance-access").named("--compute-name"));
        TABLE.put("mwaa", "create-cli-token", credential("airflow-token").named("--name"));
        TABLE.put("mwaa", "create-web-login-token", credential("airflow-token").named("--name"));
        TABLE.put("acm", "export-certificate", credential("certificate").named("--certificate-arn")
                .note("returns the certificate's private key"));
        TABLE.put("ivs", "get-stream-key", credential("stream-key").named("--arn"));
        TABLE.put("connect", "get-federation-token", credential("federation-token").named("--instance-id"));
        TABLE.put("sso-oidc", "create-token", credential("sso-token").named("--client-id"));
        // a presigned URL logs whoever holds it in as the user profile
        TABLE.put("sagemaker", "create-presigned-domain-url", credential("login-url").named("--user-profile-name"));
        TABLE.put("sagemaker", "create-presigned-notebook-instance-url", credential("login-url").named("--notebook-instance-name"));
        TABLE.put("rds-data", "execute-statement", execute("database").inferred().named("--database", "--resource-arn")
                .note("SQL statement sent to the database"));
        TABLE.put("athena", "start-query-execution", execute("query").inferred().named("--query-string")
                .note("runs SQL that may write"));
        TABLE.put("stepfunctions", "start-execution", execute("state-machine").named("--state-machine-arn"));
        TABLE.put("codebuild", "start-build", execute("build").named("--project-name"));
        TABLE.put("glue", "start-job-run", execute("job").named("--job-name"));
    }
}
