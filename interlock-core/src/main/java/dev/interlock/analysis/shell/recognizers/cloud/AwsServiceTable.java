package dev.interlock.analysis.shell.recognizers.cloud;

import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.create;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.delete;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.execute;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.grant;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.read;
import static dev.interlock.analysis.shell.recognizers.cloud.AwsAction.update;

import java.util.Optional;

/**
 * Compute, storage and data services: where the generic verb rule needs a better resource type, a scope, or the fact
 * that data is lost ({@code stateful}). Resource types that name a whole environment ({@code stack}, {@code cluster},
 * {@code database}, {@code bucket}) are the ones policy treats as teardown.
 */
final class AwsServiceTable {

    private AwsServiceTable() {
    }

    private static final AwsTable TABLE = new AwsTable();

    static Optional<AwsAction> lookup(String service, String operation) {
        return TABLE.lookup(service, operation);
    }

    static {
        // CloudFormation: a stack is a whole environment's worth of resources.
        TABLE.put("cloudformation", "delete-stack", delete("stack").stateful().all().named("--stack-name"));
        TABLE.put("cloudformation", "deploy", update("stack").named("--stack-name"));
        TABLE.put("cloudformation", "create-stack", create("stack").named("--stack-name"));
        TABLE.put("cloudformation", "update-stack", update("stack").named("--stack-name"));
        TABLE.put("cloudformation", "execute-change-set", update("stack").named("--stack-name", "--change-set-name")
                .note("applies a change set whose changes are not visible here"));
        TABLE.put("cloudformation", "rollback-stack", update("stack").named("--stack-name"));
        TABLE.put("cloudformation", "continue-update-rollback", update("stack").named("--stack-name"));
        TABLE.put("cloudformation", "delete-stack-set", delete("stack").stateful().all().named("--stack-set-name"));
        TABLE.put("cloudformation", "delete-stack-instances", delete("stack").stateful().many().named("--stack-set-name"));
        TABLE.put("cloudformation", "create-change-set", create("change-set").named("--stack-name"));
        TABLE.put("cloudformation", "delete-change-set", delete("change-set").reversible().named("--change-set-name"));
        TABLE.put("cloudformation", "package", create("artifact").note("uploads local artifacts to S3"));

        // EC2.
        TABLE.put("ec2", "terminate-instances", delete("instance").stateful().named("--instance-ids"));
        TABLE.put("ec2", "stop-instances", update("instance").named("--instance-ids").note("stops running instances"));
        TABLE.put("ec2", "start-instances", update("instance").named("--instance-ids"));
        TABLE.put("ec2", "reboot-instances", update("instance").named("--instance-ids"));
        TABLE.put("ec2", "run-instances", create("instance").named("--image-id"));
        TABLE.put("ec2", "modify-instance-attribute", update("instance").named("--instance-id"));
        TABLE.put("ec2", "delete-volume", delete("volume").stateful().named("--volume-id"));
        TABLE.put("ec2", "delete-snapshot", delete("snapshot").stateful().named("--snapshot-id"));
        TABLE.put("ec2", "deregister-image", delete("image").stateful().named("--image-id"));
        TABLE.put("ec2", "delete-vpc", delete("vpc").all().named("--vpc-id"));
        TABLE.put("ec2", "delete-subnet", delete("subnet").named("--subnet-id"));
        TABLE.put("ec2", "delete-security-group", delete("security-group").named("--group-id", "--group-name"));
        TABLE.put("ec2", "authorize-security-group-ingress", update("security-group").named("--group-id", "--group-name"));
        TABLE.put("ec2", "authorize-security-group-egress", update("security-group").named("--group-id", "--group-name"));
        TABLE.put("ec2", "modify-snapshot-attribute", grant("snapshot").named("--snapshot-id"));
        TABLE.put("ec2", "modify-image-attribute", grant("image").named("--image-id"));
        TABLE.put("ec2", "create-key-pair", AwsAction.credential("key-pair").named("--key-name")
                .note("returns the new private key"));
        TABLE.put("ec2", "get-password-data", AwsAction.credential("instance-password").named("--instance-id"));
        TABLE.put("ec2", "delete-key-pair", delete("key-pair").named("--key-name", "--key-pair-id"));

        // RDS: databases; the final-snapshot flags are read in AwsRules.
        TABLE.put("rds", "delete-db-instance", delete("database").stateful().named("--db-instance-identifier"));
        TABLE.put("rds", "delete-db-cluster", delete("database").stateful().named("--db-cluster-identifier"));
        TABLE.put("rds", "modify-db-instance", update("database").named("--db-instance-identifier"));
        TABLE.put("rds", "modify-db-cluster", update("database").named("--db-cluster-identifier"));
        TABLE.put("rds", "reboot-db-instance", update("database").named("--db-instance-identifier")
                .note("restarts the database"));
        TABLE.put("rds", "reboot-db-cluster", update("database").named("--db-cluster-identifier")
                .note("restarts the database"));
        TABLE.put("rds", "stop-db-instance", update("database").named("--db-instance-identifier"));
        TABLE.put("rds", "stop-db-cluster", update("database").named("--db-cluster-identifier"));
        TABLE.put("rds", "failover-db-cluster", update("database").named("--db-cluster-identifier"));
        TABLE.put("rds", "create-db-snapshot", create("db-snapshot").named("--db-snapshot-identifier"));
        TABLE.put("rds", "create-db-cluster-snapshot", create("db-snapshot").named("--db-cluster-snapshot-identifier"));
        TABLE.put("rds", "restore-db-instance-from-db-snapshot", create("database").named("--db-instance-identifier"));
        TABLE.put("rds", "restore-db-instance-to-point-in-time", create("database").named("--target-db-instance-identifier"));
        TABLE.put("rds", "restore-db-cluster-from-snapshot", create("database").named("--db-cluster-identifier"));
        TABLE.put("rds", "delete-db-snapshot", delete("db-snapshot").stateful().named("--db-snapshot-identifier"));
        TABLE.put("rds", "delete-db-cluster-snapshot", delete("db-snapshot").stateful()
                .named("--db-cluster-snapshot-identifier"));
        TABLE.put("rds", "generate-db-auth-token", AwsAction.credential("db-auth-token").named("--hostname"));

        // S3 API (the high-level `aws s3` lives in AwsS3).
        TABLE.put("s3api", "delete-bucket", delete("bucket").stateful().all().named("--bucket"));
        TABLE.put("s3api", "delete-object", delete("object").stateful().named("--key"));
        TABLE.put("s3api", "delete-objects", delete("object").stateful().many().named("--bucket"));
        TABLE.put("s3api", "get-object", read("object").named("--key"));
        TABLE.put("s3api", "put-object", update("object").named("--key"));
        TABLE.put("s3api", "put-bucket-policy", grant("bucket-policy").named("--bucket"));
        TABLE.put("s3api", "put-bucket-acl", grant("bucket-acl").named("--bucket"));
        TABLE.put("s3api", "put-object-acl", grant("object-acl").named("--key"));
        TABLE.put("s3api", "put-public-access-block", grant("public-access-block").named("--bucket"));
        TABLE.put("s3api", "delete-public-access-block", grant("public-access-block").named("--bucket")
                .note("removes the bucket's public access block"));
        TABLE.put("s3api", "delete-bucket-policy", grant("bucket-policy").named("--bucket"));
        TABLE.put("s3api", "put-bucket-lifecycle-configuration", update("bucket-lifecycle").named("--bucket")
                .note("lifecycle rules can expire objects"));
        TABLE.put("s3api", "put-bucket-versioning", update("bucket-versioning").named("--bucket"));
        TABLE.put("s3api", "create-bucket", create("bucket").named("--bucket"));

        // DynamoDB.
        TABLE.put("dynamodb", "delete-table", delete("table").stateful().named("--table-name"));
        TABLE.put("dynamodb", "delete-item", delete("item").stateful().named("--table-name"));
        TABLE.put("dynamodb", "batch-write-item", update("item").many());
        TABLE.put("dynamodb", "update-table", update("table").named("--table-name"));
        TABLE.put("dynamodb", "update-item", update("item").named("--table-name"));
        TABLE.put("dynamodb", "put-item", update("item").named("--table-name"));
        // reads of the table's items: rows by DynamoDB's name, so written to a file here they are a copy of the data
        TABLE.put("dynamodb", "scan", read("items").named("--table-name"));
        TABLE.put("dynamodb", "query", read("items").named("--table-name"));
        TABLE.put("dynamodb", "get-item", read("items").named("--table-name"));
        TABLE.put("dynamodb", "batch-get-item", read("items"));
        TABLE.put("dynamodb", "delete-backup", delete("backup").stateful().named("--backup-arn"));
        TABLE.put("dynamodb", "execute-statement", update("item").inferred().named("--statement")
                .note("PartiQL statement; its effect is not parsed"));

        // EKS and ECS.
        TABLE.put("eks", "delete-cluster", delete("cluster").stateful().all().named("--name"));
        TABLE.put("eks", "delete-nodegroup", delete("nodegroup").many().named("--nodegroup-name"));
        TABLE.put("eks", "delete-fargate-profile", delete("fargate-profile").named("--fargate-profile-name"));
        TABLE.put("eks", "delete-addon", delete("addon").named("--addon-name"));
        TABLE.put("eks", "update-kubeconfig", update("kubeconfig").local().named("--name")
                .note("writes the local kubeconfig"));
        TABLE.put("eks", "get-token", AwsAction.credential("cluster-token").named("--cluster-name"));
        TABLE.put("ecs", "delete-cluster", delete("cluster").all().named("--cluster"));
        TABLE.put("ecs", "delete-service", delete("service").named("--service"));
        TABLE.put("ecs", "update-service", update("service").named("--service"));
        TABLE.put("ecs", "stop-task", update("task").named("--task"));
        TABLE.put("ecs", "run-task", create("task").named("--task-definition"));
        TABLE.put("ecs", "execute-command", execute("container").named("--task", "--container"));
        TABLE.put("ecs", "deregister-task-definition", delete("task-definition").reversible().named("--task-definition"));

        // Lambda.
        TABLE.put("lambda", "delete-function", delete("function").named("--function-name"));
        TABLE.put("lambda", "update-function-code", update("function").named("--function-name"));
        TABLE.put("lambda", "update-function-configuration", update("function").named("--function-name"));
        TABLE.put("lambda", "invoke", execute("function").named("--function-name"));
        TABLE.put("lambda", "invoke-async", execute("function").named("--function-name"));
        TABLE.put("lambda", "add-permission", grant("function-permission").named("--function-name"));
        TABLE.put("lambda", "remove-permission", grant("function-permission").named("--function-name"));
        TABLE.put("lambda", "get-function", read("function").named("--function-name"));

        // Route 53: DELETE actions inside a literal change batch are read in AwsRules.
        TABLE.put("route53", "change-resource-record-sets", update("record-set").named("--hosted-zone-id"));
        TABLE.put("route53", "delete-hosted-zone", delete("hosted-zone").all().named("--id"));

        // Logs, queues, topics.
        TABLE.put("logs", "delete-log-group", delete("log-group").stateful().named("--log-group-name"));
        TABLE.put("logs", "delete-log-stream", delete("log-stream").stateful().named("--log-stream-name"));
        TABLE.put("logs", "tail", read("log-group"));
        // Logs Insights: a query runs over the logs and is fetched later; it changes nothing
        TABLE.put("logs", "start-query", read("log-group").named("--log-group-name"));
        TABLE.put("logs", "stop-query", read("query"));
        TABLE.put("logs", "start-live-tail", read("log-group"));
        // AppConfig's data plane: a session only hands out the token that get-latest-configuration reads with, as the
        // application itself does at start-up
        TABLE.put("appconfigdata", "start-configuration-session", read("configuration").named("--application-identifier"));
        TABLE.put("sqs", "purge-queue", delete("message").stateful().all().named("--queue-url"));
        TABLE.put("sqs", "delete-queue", delete("queue").stateful().named("--queue-url"));
        TABLE.put("sqs", "receive-message", read("message").named("--queue-url"));
        TABLE.put("sqs", "delete-message", delete("message").stateful().named("--queue-url"));
        TABLE.put("sqs", "delete-message-batch", delete("message").stateful().named("--queue-url"));
        TABLE.put("sqs", "add-permission", grant("queue").named("--queue-url"));
        TABLE.put("sqs", "remove-permission", grant("queue").named("--queue-url"));
        TABLE.put("sqs", "send-message", update("message").named("--queue-url"));
        TABLE.put("sqs", "send-message-batch", update("message").named("--queue-url"));
        TABLE.put("sqs", "start-message-move-task", update("queue").named("--source-arn")
                .note("moves messages out of the dead-letter queue: their consumers process them again"));
        TABLE.put("sns", "delete-topic", delete("topic").named("--topic-arn"));
        TABLE.put("sns", "publish", update("message").named("--topic-arn", "--target-arn", "--phone-number"));

        // Clusters and domains that hold data.
        TABLE.put("elasticache", "delete-cache-cluster", delete("cluster").stateful().all().named("--cache-cluster-id"));
        TABLE.put("elasticache", "delete-replication-group", delete("cluster").stateful().all()
                .named("--replication-group-id"));
        TABLE.put("redshift", "delete-cluster", delete("cluster").stateful().all().named("--cluster-identifier"));
        TABLE.put("opensearch", "delete-domain", delete("cluster").stateful().all().named("--domain-name"));
        TABLE.put("es", "delete-elasticsearch-domain", delete("cluster").stateful().all().named("--domain-name"));
        TABLE.put("docdb", "delete-db-cluster", delete("database").stateful().all().named("--db-cluster-identifier"));
        TABLE.put("neptune", "delete-db-cluster", delete("database").stateful().all().named("--db-cluster-identifier"));
        TABLE.put("kafka", "delete-cluster", delete("cluster").stateful().all().named("--cluster-arn"));
        // A HealthLake or HealthImaging data store is the whole FHIR or DICOM store, every patient's records in it.
        TABLE.put("healthlake", "delete-fhir-datastore", delete("datastore").stateful().all().named("--datastore-id"));
        TABLE.put("medical-imaging", "delete-datastore", delete("datastore").stateful().all().named("--datastore-id"));
        TABLE.put("emr", "terminate-job-flows", delete("cluster").stateful().all().named("--job-flow-ids"));
        // An Amazon Connect instance is a whole contact centre: its numbers, flows, queues, users and contact records go
        // with it, so it is torn down as a stack is; deleting one user or flow in it is an ordinary delete.
        TABLE.put("connect", "delete-instance", delete("contact-center").stateful().all().named("--instance-id"));

        // Backups, images, files, archives.
        TABLE.put("backup", "delete-recovery-point", delete("recovery-point").stateful().named("--recovery-point-arn"));
        TABLE.put("backup", "delete-backup-vault", delete("backup-vault").stateful().named("--backup-vault-name"));
        TABLE.put("ecr", "batch-delete-image", delete("image").stateful().many().named("--repository-name"));
        TABLE.put("ecr", "delete-repository", delete("repository").stateful().named("--repository-name"));
        TABLE.put("ecr", "get-login-password", AwsAction.credential("registry-password"));
        TABLE.put("ecr", "get-authorization-token", AwsAction.credential("registry-token"));
        TABLE.put("efs", "delete-file-system", delete("file-system").stateful().named("--file-system-id"));
        TABLE.put("glacier", "delete-vault", delete("vault").stateful().named("--vault-name"));
        TABLE.put("glacier", "delete-archive", delete("archive").stateful().named("--archive-id"));
        TABLE.put("codeartifact", "get-authorization-token", AwsAction.credential("registry-token").named("--domain"));
        TABLE.put("codecommit", "delete-repository", delete("repository").stateful().named("--repository-name"));
    }
}
