package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsRecognizerTest {

    private final AwsRecognizer recognizer = new AwsRecognizer();

    private List<Operation> run(String... words) {
        return recognizer.recognize(Invocation.of("aws", words), new RecordingNested());
    }

    private Operation one(String... words) {
        List<Operation> ops = run(words);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    private static Invocation withEnv(Map<String, String> env, String program, String... words) {
        List<Arg> args = Arrays.stream(words).map(Arg::of).toList();
        return new Invocation(program, args, env, Workspace.of("/home/dev/project"), Evidence.text(String.join(" ", words)),
                Optional.empty(), Map.of());
    }

    @Test
    void describeAndListAreReadsWithProfileAndRegion() {
        Operation op = one("--profile", "prod", "ec2", "describe-instances", "--region", "eu-west-1");
        assertThat(op.system()).isEqualTo("aws");
        assertThat(op.verb()).isEqualTo(Verb.READ);
        assertThat(op.resource().type()).isEqualTo("instance");
        assertThat(op.resource().locator("profile")).isEqualTo("prod");
        assertThat(op.resource().locator("region")).isEqualTo("eu-west-1");
        assertThat(op.environment()).isEqualTo(Tier.UNKNOWN);
        assertThat(one("rds", "list-tags-for-resource", "--resource-name", "x").verb()).isEqualTo(Verb.READ);
        assertThat(one("--profile=staging", "lambda", "get-function", "--function-name", "api").resource().name()).isEqualTo("api");
    }

    @Test
    void helpAndVersionProduceNothing() {
        assertThat(run("help")).isEmpty();
        assertThat(run("ec2", "help")).isEmpty();
        assertThat(run("ec2", "terminate-instances", "help")).isEmpty();
        assertThat(run("--version")).isEmpty();
        assertThat(run()).isEmpty();
    }

    @Test
    void cloudformationDeleteStackIsTeardownOfTheStack() {
        Operation op = one("cloudformation", "delete-stack", "--stack-name", "payments-prod");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("stack");
        assertThat(op.resource().name()).isEqualTo("payments-prod");
        assertThat(op.resource().locator("stack")).isEqualTo("payments-prod");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
        Operation retained = one("cloudformation", "delete-stack", "--stack-name", "x", "--retain-resources", "Bucket");
        assertThat(retained.verb()).isEqualTo(Verb.DELETE);
        assertThat(retained.note()).contains("retained");
        assertThat(one("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name", "app").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("cloudformation", "execute-change-set", "--change-set-name", "cs").note()).isNotEmpty();
    }

    @Test
    void ec2TerminateSeveralInstancesIsMany() {
        Operation op = one("ec2", "terminate-instances", "--instance-ids", "i-1", "i-2", "--region", "us-east-1");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("instance");
        assertThat(op.resource().name()).isEqualTo("i-1,i-2");
        assertThat(op.scope()).isEqualTo(Scope.MANY);
        assertThat(op.resource().locator("region")).isEqualTo("us-east-1");
        assertThat(one("ec2", "terminate-instances", "--instance-ids", "i-1").scope()).isEqualTo(Scope.ONE);
    }

    @Test
    void ec2DryRunIsARead() {
        assertThat(one("ec2", "terminate-instances", "--instance-ids", "i-1", "--dry-run").verb()).isEqualTo(Verb.READ);
        assertThat(one("ec2", "terminate-instances", "--instance-ids", "i-1", "--no-dry-run").verb()).isEqualTo(Verb.DELETE);
    }

    @Test
    void ec2Specifics() {
        assertThat(one("ec2", "stop-instances", "--instance-ids", "i-1").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("ec2", "run-instances", "--image-id", "ami-1").verb()).isEqualTo(Verb.CREATE);
        assertThat(one("ec2", "delete-volume", "--volume-id", "vol-1").stateful()).isTrue();
        assertThat(one("ec2", "create-key-pair", "--key-name", "k").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("ec2", "get-password-data", "--instance-id", "i-1").verb()).isEqualTo(Verb.CREDENTIAL);
        Operation open = one("ec2", "authorize-security-group-ingress", "--group-id", "sg-1", "--protocol", "tcp",
                "--port", "22", "--cidr", "0.0.0.0/0");
        assertThat(open.verb()).isEqualTo(Verb.UPDATE);
        assertThat(open.note()).contains("internet");
        assertThat(one("ec2", "authorize-security-group-ingress", "--group-id", "sg-1", "--cidr", "10.0.0.0/8").note())
                .doesNotContain("internet");
    }

    @Test
    void rdsDeleteWithoutFinalSnapshotIsIrreversible() {
        Operation op = one("rds", "delete-db-instance", "--db-instance-identifier", "orders-prod", "--skip-final-snapshot");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("database");
        assertThat(op.resource().locator("database")).isEqualTo("orders-prod");
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
        assertThat(op.note()).contains("snapshot");
        Operation kept = one("rds", "delete-db-instance", "--db-instance-identifier", "orders",
                "--final-db-snapshot-identifier", "orders-final");
        assertThat(kept.reversible()).isTrue();
        Operation modify = one("rds", "modify-db-instance", "--db-instance-identifier", "db1", "--apply-immediately");
        assertThat(modify.verb()).isEqualTo(Verb.UPDATE);
        assertThat(modify.note()).contains("apply-immediately");
        assertThat(one("rds", "delete-db-cluster", "--db-cluster-identifier", "c", "--skip-final-snapshot").resource().type())
                .isEqualTo("database");
    }

    @Test
    void s3RecursiveRemoveIsAllOfThePrefix() {
        Operation op = one("s3", "rm", "s3://acme-data/logs/", "--recursive");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("bucket-prefix");
        assertThat(op.resource().locator("bucket")).isEqualTo("acme-data");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
        Operation single = one("s3", "rm", "s3://acme-data/a.txt");
        assertThat(single.scope()).isEqualTo(Scope.ONE);
        assertThat(single.resource().type()).isEqualTo("object");
        assertThat(one("s3", "rm", "--recursive", "s3://b/p", "--exclude", "*", "--include", "*.tmp").scope())
                .isEqualTo(Scope.MANY);
        assertThat(one("s3", "rm", "s3://b/p", "--recursive", "--dryrun").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void s3CopyDirectionDecidesTheVerb() {
        assertThat(one("s3", "cp", "dist/app.zip", "s3://releases/app.zip").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("s3", "cp", "s3://releases/app.zip", ".").verb()).isEqualTo(Verb.READ);
        assertThat(one("s3", "cp", "s3://a/x", "s3://b/x").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("s3", "cp", "--recursive", "s3://a/", "./local").scope()).isEqualTo(Scope.MANY);
        assertThat(one("s3", "ls").verb()).isEqualTo(Verb.READ);
        assertThat(one("s3", "ls", "s3://bucket", "--recursive", "--human-readable").verb()).isEqualTo(Verb.READ);
        assertThat(one("s3", "presign", "s3://b/k", "--expires-in", "600").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("s3", "mb", "s3://new").verb()).isEqualTo(Verb.CREATE);
    }

    @Test
    void s3SyncDeleteAndMove() {
        List<Operation> sync = run("s3", "sync", "./site", "s3://www-bucket", "--delete");
        assertThat(sync).extracting(Operation::verb).containsExactly(Verb.UPDATE, Verb.DELETE);
        assertThat(sync.get(1).scope()).isEqualTo(Scope.MANY);
        assertThat(sync.get(1).stateful()).isTrue();
        assertThat(run("s3", "sync", "./site", "s3://www-bucket")).hasSize(1);
        List<Operation> mv = run("s3", "mv", "s3://a/x", "s3://b/x");
        assertThat(mv).extracting(Operation::verb).containsExactly(Verb.UPDATE, Verb.DELETE);
        List<Operation> up = run("s3", "mv", "report.csv", "s3://b/report.csv");
        assertThat(up.get(1).system()).isEqualTo("filesystem");
        assertThat(up.get(1).environment()).isEqualTo(Tier.LOCAL);
    }

    @Test
    void s3PublicUploadAlsoGrants() {
        List<Operation> ops = run("s3", "cp", "index.html", "s3://site/", "--acl", "public-read");
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.UPDATE, Verb.GRANT);
        assertThat(ops.get(1).note()).contains("public");
        assertThat(run("s3", "cp", "index.html", "s3://site/", "--acl", "private")).hasSize(1);
    }

    @Test
    void turningOffDeletionProtectionIsNoted() {
        assertThat(one("rds", "modify-db-instance", "--db-instance-identifier", "d", "--no-deletion-protection").note())
                .contains("deletion protection");
    }

    @Test
    void endpointFromTheEnvironment() {
        Operation op = recognizer.recognize(withEnv(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"), "aws",
                "s3", "rb", "s3://b", "--force"), new RecordingNested()).getFirst();
        assertThat(op.environment()).isEqualTo(Tier.LOCAL);
        assertThat(op.resource().locator("host")).isEqualTo("localhost");
    }

    @Test
    void s3RemoveBucket() {
        Operation plain = one("s3", "rb", "s3://old-bucket");
        assertThat(plain.resource().type()).isEqualTo("bucket");
        assertThat(plain.scope()).isEqualTo(Scope.ONE);
        Operation force = one("s3", "rb", "s3://old-bucket", "--force");
        assertThat(force.scope()).isEqualTo(Scope.ALL);
        assertThat(force.stateful()).isTrue();
    }

    @Test
    void s3apiPublicPolicyIsAGrantWithANote() {
        Operation op = one("s3api", "put-bucket-policy", "--bucket", "site", "--policy",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\": \"*\",\"Action\":\"s3:GetObject\"}]}");
        assertThat(op.verb()).isEqualTo(Verb.GRANT);
        assertThat(op.note()).contains("public");
        assertThat(one("s3api", "put-bucket-acl", "--bucket", "b", "--acl", "public-read").note()).contains("public");
        assertThat(one("s3api", "delete-bucket", "--bucket", "b").resource().type()).isEqualTo("bucket");
        assertThat(one("s3api", "get-object", "--bucket", "b", "--key", "k", "out").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void dynamodbEksEcsLambda() {
        Operation table = one("dynamodb", "delete-table", "--table-name", "orders-prod");
        assertThat(table.resource().type()).isEqualTo("table");
        assertThat(table.stateful()).isTrue();
        assertThat(table.resource().locator("database")).isEqualTo("orders-prod");
        assertThat(one("dynamodb", "scan", "--table-name", "t").verb()).isEqualTo(Verb.READ);
        assertThat(one("dynamodb", "batch-write-item", "--request-items", "file://items.json").scope()).isEqualTo(Scope.MANY);
        Operation cluster = one("eks", "delete-cluster", "--name", "prod-eu");
        assertThat(cluster.resource().type()).isEqualTo("cluster");
        assertThat(cluster.resource().locator("cluster")).isEqualTo("prod-eu");
        assertThat(cluster.scope()).isEqualTo(Scope.ALL);
        Operation kubeconfig = one("eks", "update-kubeconfig", "--name", "prod-eu");
        assertThat(kubeconfig.verb()).isEqualTo(Verb.UPDATE);
        assertThat(kubeconfig.environment()).isEqualTo(Tier.LOCAL);
        Operation scaleDown = one("ecs", "update-service", "--cluster", "prod", "--service", "api", "--desired-count", "0");
        assertThat(scaleDown.note()).contains("outage");
        assertThat(scaleDown.resource().locator("cluster")).isEqualTo("prod");
        assertThat(one("ecs", "execute-command", "--cluster", "c", "--task", "t", "--interactive", "--command", "sh").verb())
                .isEqualTo(Verb.EXECUTE);
        assertThat(one("lambda", "invoke", "--function-name", "f", "out.json").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("lambda", "add-permission", "--function-name", "f", "--principal", "*").verb()).isEqualTo(Verb.GRANT);
    }

    @Test
    void iamGrantsAndAdministratorNote() {
        Operation op = one("iam", "attach-role-policy", "--role-name", "ci", "--policy-arn",
                "arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(op.verb()).isEqualTo(Verb.GRANT);
        assertThat(op.resource().name()).isEqualTo("ci");
        assertThat(op.note()).contains("administrator");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(one("iam", "attach-user-policy", "--user-name", "bob", "--policy-arn",
                "arn:aws:iam::aws:policy/ReadOnlyAccess").note()).doesNotContain("administrator");
        assertThat(one("iam", "put-user-policy", "--user-name", "u", "--policy-name", "p", "--policy-document",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}").note()).contains("administrator");
        assertThat(one("iam", "create-access-key", "--user-name", "bob").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("iam", "create-policy-version", "--policy-arn", "arn:aws:iam::123456789012:policy/p",
                "--policy-document", "file://p.json", "--set-as-default").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("iam", "create-policy-version", "--policy-arn", "arn:aws:iam::123456789012:policy/p",
                "--policy-document", "file://p.json").verb()).isEqualTo(Verb.CREATE);
        assertThat(one("iam", "detach-role-policy", "--role-name", "r", "--policy-arn", "x").verb()).isEqualTo(Verb.DELETE);
        assertThat(one("iam", "list-roles").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void stsAssumeRoleEscalatesWithTheAccount() {
        Operation op = one("sts", "assume-role", "--role-arn", "arn:aws:iam::123456789012:role/Admin",
                "--role-session-name", "agent");
        assertThat(op.verb()).isEqualTo(Verb.ESCALATE);
        assertThat(op.resource().type()).isEqualTo("role");
        assertThat(op.resource().name()).isEqualTo("arn:aws:iam::123456789012:role/Admin");
        assertThat(op.resource().locator("account")).isEqualTo("123456789012");
        assertThat(one("sts", "get-caller-identity").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void secretsKeysAndParameters() {
        assertThat(one("secretsmanager", "get-secret-value", "--secret-id", "prod/db").verb()).isEqualTo(Verb.CREDENTIAL);
        Operation del = one("secretsmanager", "delete-secret", "--secret-id", "s", "--force-delete-without-recovery");
        assertThat(del.reversible()).isFalse();
        assertThat(one("secretsmanager", "delete-secret", "--secret-id", "s").reversible()).isTrue();
        assertThat(one("ssm", "get-parameter", "--name", "/app/db", "--with-decryption").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("ssm", "get-parameter", "--name", "/app/db").verb()).isEqualTo(Verb.READ);
        Operation key = one("kms", "schedule-key-deletion", "--key-id", "k", "--pending-window-in-days", "7");
        assertThat(key.verb()).isEqualTo(Verb.DELETE);
        assertThat(key.stateful()).isTrue();
        assertThat(key.reversible()).isFalse();
        assertThat(one("kms", "decrypt", "--ciphertext-blob", "fileb://x").verb()).isEqualTo(Verb.CREDENTIAL);
    }

    @Test
    void route53DeleteInsideTheChangeBatch() {
        String batch = "{\"Changes\":[{\"Action\": \"DELETE\",\"ResourceRecordSet\":{\"Name\":\"api.example.com\"}}]}";
        assertThat(one("route53", "change-resource-record-sets", "--hosted-zone-id", "Z1", "--change-batch", batch).verb())
                .isEqualTo(Verb.DELETE);
        assertThat(one("route53", "change-resource-record-sets", "--hosted-zone-id", "Z1", "--change-batch",
                "{\"Changes\":[{\"Action\":\"UPSERT\"}]}").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("route53", "delete-hosted-zone", "--id", "Z1").scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void organizationsAndQueues() {
        Operation leave = one("organizations", "leave-organization");
        assertThat(leave.verb()).isEqualTo(Verb.DELETE);
        assertThat(leave.scope()).isEqualTo(Scope.ALL);
        assertThat(one("organizations", "close-account", "--account-id", "111122223333").resource().locator("account"))
                .isEqualTo("111122223333");
        assertThat(one("sqs", "purge-queue", "--queue-url", "https://sqs/q").scope()).isEqualTo(Scope.ALL);
        assertThat(one("ecr", "delete-repository", "--repository-name", "r", "--force").scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void unknownOperationsAreInferredFromTheirWords() {
        Operation guessed = one("cognito-idp", "admin-delete-user-attributes", "--user-pool-id", "p");
        assertThat(guessed.verb()).isEqualTo(Verb.DELETE);
        assertThat(guessed.confidence()).isEqualTo(Confidence.INFERRED);
        Operation generic = one("apprunner", "delete-service", "--service-arn", "arn:aws:apprunner:us-east-1:123456789012:service/x");
        assertThat(generic.verb()).isEqualTo(Verb.DELETE);
        assertThat(generic.confidence()).isEqualTo(Confidence.EXACT);
        assertThat(generic.resource().locator("account")).isEqualTo("123456789012");
        Operation mystery = one("foo", "frobnicate-widgets");
        assertThat(mystery.verb()).isEqualTo(Verb.UNKNOWN);
        assertThat(mystery.confidence()).isEqualTo(Confidence.INFERRED);
    }

    @Test
    void variablesInTheTargetMakeItInferred() {
        List<Arg> args = List.of(Arg.of("cloudformation"), Arg.of("delete-stack"), Arg.of("--stack-name"),
                new Arg("$STACK", false, false, Evidence.NONE));
        Operation op = recognizer.recognize(Invocation.of("aws").withArgs(args), new RecordingNested()).getFirst();
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        List<Arg> dynamic = List.of(Arg.of("ec2"), new Arg("$OP", false, false, Evidence.NONE));
        assertThat(recognizer.recognize(Invocation.of("aws").withArgs(dynamic), new RecordingNested()).getFirst().verb())
                .isEqualTo(Verb.UNKNOWN);
    }

    @Test
    void environmentVariablesAndEndpoints() {
        Operation op = recognizer.recognize(withEnv(Map.of("AWS_PROFILE", "prod", "AWS_REGION", "eu-central-1"), "aws",
                "s3", "ls"), new RecordingNested()).getFirst();
        assertThat(op.resource().locator("profile")).isEqualTo("prod");
        assertThat(op.resource().locator("region")).isEqualTo("eu-central-1");
        Operation flagWins = recognizer.recognize(withEnv(Map.of("AWS_PROFILE", "prod"), "aws",
                "--profile", "dev", "s3", "ls"), new RecordingNested()).getFirst();
        assertThat(flagWins.resource().locator("profile")).isEqualTo("dev");
        Operation local = one("--endpoint-url", "http://localhost:4566", "s3", "rb", "s3://b", "--force");
        assertThat(local.resource().locator("host")).isEqualTo("localhost");
        assertThat(local.environment()).isEqualTo(Tier.LOCAL);
        Operation awslocal = recognizer.recognize(Invocation.of("awslocal", "dynamodb", "delete-table", "--table-name", "t"),
                new RecordingNested()).getFirst();
        assertThat(awslocal.environment()).isEqualTo(Tier.LOCAL);
        assertThat(awslocal.environmentSource()).contains("LocalStack");
        assertThat(awslocal.stateful()).isFalse();
        assertThat(one("dynamodb", "delete-table", "--table-name", "t").stateful()).isTrue();
    }

    @Test
    void remoteAwslocalIsNotLocal() {
        Invocation remote = new Invocation("awslocal", List.of(Arg.of("s3"), Arg.of("ls")), Map.of(),
                Workspace.of("/home/dev/project"), Evidence.NONE, Optional.empty(), Map.of("host", "ci-box"));
        assertThat(recognizer.recognize(remote, new RecordingNested()).getFirst().environment()).isEqualTo(Tier.UNKNOWN);
    }

    @Test
    void ssmSendCommandAnalyzesTheRemoteCommands() {
        RecordingNested nested = new RecordingNested();
        List<Operation> ops = recognizer.recognize(Invocation.of("aws", "ssm", "send-command", "--instance-ids", "i-1",
                "i-2", "--document-name", "AWS-RunShellScript", "--parameters",
                "commands=[\"rm -rf /var/lib/app\",\"systemctl restart app\"]", "--profile", "prod"), nested);
        assertThat(nested.commands).containsExactly("rm -rf /var/lib/app", "systemctl restart app");
        assertThat(nested.parents.getFirst().locators()).containsEntry("host", "i-1,i-2");
        // the commands, analyzed, are what the run does on the instances: they carry its placement
        assertThat(ops).hasSize(2);
        assertThat(ops).extracting(Operation::system).containsOnly("nested");
        assertThat(ops.get(1).resource().locator("host")).isEqualTo("i-1,i-2");
        assertThat(ops.get(1).resource().locator("profile")).isEqualTo("prod");
        List<Operation> unseen = recognizer.recognize(Invocation.of("aws", "ssm", "send-command", "--instance-ids", "i-1",
                "--document-name", "AWS-ApplyPatchBaseline", "--profile", "prod"), new RecordingNested());
        assertThat(unseen.getFirst().verb()).isEqualTo(Verb.EXECUTE);
        assertThat(AwsSsm.extract("{\"commands\":[\"df -h\"]}")).containsExactly("df -h");
        assertThat(AwsSsm.extract("commands=uptime")).containsExactly("uptime");
    }

    @Test
    void configureWritesLocallyAndSecretsAreCredentials() {
        assertThat(one("configure", "list").verb()).isEqualTo(Verb.READ);
        Operation set = one("configure", "set", "region", "eu-west-1");
        assertThat(set.verb()).isEqualTo(Verb.UPDATE);
        assertThat(set.environment()).isEqualTo(Tier.LOCAL);
        assertThat(one("configure", "get", "aws_secret_access_key").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("configure", "export-credentials", "--profile", "prod").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("ecr", "get-login-password", "--region", "us-east-1").verb()).isEqualTo(Verb.CREDENTIAL);
    }

    @Test
    void verbBackboneCoversThePrefixes() {
        assertThat(AwsVerbs.infer("describe-db-instances").verb()).isEqualTo(Verb.READ);
        assertThat(AwsVerbs.infer("describe-db-instances").type()).isEqualTo("db-instance");
        assertThat(AwsVerbs.infer("batch-get-item").verb()).isEqualTo(Verb.READ);
        assertThat(AwsVerbs.infer("batch-delete-attributes").verb()).isEqualTo(Verb.DELETE);
        assertThat(AwsVerbs.infer("untag-resource").verb()).isEqualTo(Verb.DELETE);
        assertThat(AwsVerbs.infer("tag-resource").verb()).isEqualTo(Verb.UPDATE);
        assertThat(AwsVerbs.infer("schedule-key-deletion").verb()).isEqualTo(Verb.DELETE);
        assertThat(AwsVerbs.infer("release-address").verb()).isEqualTo(Verb.DELETE);
        assertThat(AwsVerbs.infer("reboot-broker").verb()).isEqualTo(Verb.UPDATE);
        assertThat(AwsVerbs.infer("delete-addresses").type()).isEqualTo("address");
        assertThat(AwsVerbs.infer("list-policies").type()).isEqualTo("policy");
    }
}
