package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GcloudRecognizerTest {

    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String program, String command) {
        return new GcloudRecognizer().recognize(Invocation.of(program, command.split(" ")), nested);
    }

    private Operation one(String command) {
        List<Operation> ops = run("gcloud", command);
        assertThat(ops).as(command).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void listsAndDescribesAreReads() {
        for (String cmd : List.of("compute instances list --project my-prod", "container clusters describe c1 --region us-central1",
                "projects get-iam-policy p1", "logging read severity>=ERROR --limit 10", "config list", "auth list",
                "sql instances describe db1", "run services list --format json", "beta compute instances list")) {
            assertThat(one(cmd).verb()).as(cmd).isEqualTo(Verb.READ);
        }
    }

    @Test
    void locators() {
        Operation op = one("compute instances delete vm-1 --zone us-central1-a --project shop-prod --quiet");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("instance");
        assertThat(op.resource().name()).isEqualTo("vm-1");
        assertThat(op.resource().locator("project")).isEqualTo("shop-prod");
        assertThat(op.resource().locator("region")).isEqualTo("us-central1-a");
        assertThat(op.note()).contains("no confirmation");
        assertThat(one("compute instances list --configuration=staging").resource().locator("profile")).isEqualTo("staging");
        Invocation inv = Invocation.of("gcloud", "run", "deploy", "api").withEnv(Map.of("CLOUDSDK_CORE_PROJECT", "shop-prod"));
        assertThat(new GcloudRecognizer().recognize(inv, nested).getFirst().resource().locator("project")).isEqualTo("shop-prod");
    }

    @Test
    void teardownShapes() {
        Operation project = one("projects delete shop-prod");
        assertThat(project.resource().type()).isEqualTo("project");
        assertThat(project.scope()).isEqualTo(Scope.ALL);
        assertThat(project.resource().locator("project")).isEqualTo("shop-prod");
        Operation cluster = one("container clusters delete main --region europe-west1");
        assertThat(cluster.resource().type()).isEqualTo("cluster");
        assertThat(cluster.scope()).isEqualTo(Scope.ALL);
        Operation sql = one("sql instances delete orders-db");
        assertThat(sql.resource().type()).isEqualTo("database");
        assertThat(sql.stateful()).isTrue();
        assertThat(sql.reversible()).isFalse();
        assertThat(one("storage buckets delete gs://logs").resource().type()).isEqualTo("bucket");
        assertThat(one("compute instances delete a b c").scope()).isEqualTo(Scope.MANY);
    }

    @Test
    void createsAndUpdates() {
        assertThat(one("run deploy api --image gcr.io/p/api --region us-central1").verb()).isEqualTo(Verb.CREATE);
        assertThat(one("compute instances stop vm-1").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("container clusters resize c1 --num-nodes 0").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("deploy releases promote --release=r1 --delivery-pipeline=p").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("sql backups restore 123 --restore-instance=db1").verb()).isEqualTo(Verb.REPLACE);
        assertThat(one("scheduler jobs run nightly --location us-central1").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("beta run deploy api --source .").verb()).isEqualTo(Verb.CREATE);
        assertThat(one("sql instances promote-replica replica-1").verb()).isEqualTo(Verb.UPDATE);
    }

    @Test
    void iamBindingsAreGrants() {
        Operation op = one("projects add-iam-policy-binding shop-prod --member=serviceAccount:agent@x.iam.gserviceaccount.com --role=roles/owner");
        assertThat(op.verb()).isEqualTo(Verb.GRANT);
        assertThat(op.resource().locator("project")).isEqualTo("shop-prod");
        assertThat(op.note()).contains("roles/owner").contains("own identity");
    }

    @Test
    void credentialsAndIdentity() {
        assertThat(one("auth print-access-token").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("auth application-default print-access-token").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("secrets versions access latest --secret=db-password").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("iam service-accounts keys create key.json --iam-account=sa@p.iam.gserviceaccount.com").verb())
                .isEqualTo(Verb.CREDENTIAL);
        assertThat(one("auth activate-service-account --key-file=key.json").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("config set account admin@example.com").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("config set auth/impersonate_service_account sa@p.iam.gserviceaccount.com").verb()).isEqualTo(Verb.ESCALATE);
        List<Operation> ops = run("gcloud", "compute instances list --impersonate-service-account=sa@p.iam.gserviceaccount.com");
        assertThat(ops).extracting(Operation::verb).containsExactlyInAnyOrder(Verb.ESCALATE, Verb.READ);
    }

    @Test
    void localConfiguration() {
        Operation op = one("config set project shop-prod");
        assertThat(op.verb()).isEqualTo(Verb.UPDATE);
        assertThat(op.environment()).isEqualTo(Tier.LOCAL);
        assertThat(op.resource().locator("project")).isEqualTo("shop-prod");
        assertThat(one("container clusters get-credentials c1 --region us-central1").environment()).isEqualTo(Tier.LOCAL);
    }

    @Test
    void sshRunsTheCommandOnTheInstance() {
        List<Operation> ops = new GcloudRecognizer().recognize(Invocation.of("gcloud", "compute", "ssh", "vm-1",
                "--zone", "us-central1-a", "--command", "sudo rm -rf /data"), nested);
        // the analyzed command is what the run does there; the ssh itself adds nothing to decide
        assertThat(ops).extracting(Operation::system).containsOnly("nested");
        assertThat(nested.commands).containsExactly("sudo rm -rf /data");
        assertThat(nested.parents.getFirst().locators()).containsEntry("host", "vm-1");
    }

    @Test
    void storageRemoval() {
        Operation bucket = run("gsutil", "-m rm -r gs://shop-prod-logs").getFirst();
        assertThat(bucket.resource().type()).isEqualTo("bucket");
        assertThat(bucket.scope()).isEqualTo(Scope.ALL);
        assertThat(bucket.stateful()).isTrue();
        assertThat(run("gsutil", "rm gs://b/report.csv").getFirst().scope()).isEqualTo(Scope.ONE);
        assertThat(run("gsutil", "rb gs://b").getFirst().resource().type()).isEqualTo("bucket");
        assertThat(run("gsutil", "ls gs://b").getFirst().verb()).isEqualTo(Verb.READ);
        assertThat(run("gsutil", "cp gs://b/x.csv .").getFirst().verb()).isEqualTo(Verb.READ);
        assertThat(run("gsutil", "cp out.csv gs://b/x.csv").getFirst().verb()).isEqualTo(Verb.UPDATE);
        assertThat(run("gsutil", "rsync -d -r ./site gs://b").getFirst().verb()).isEqualTo(Verb.DELETE);
        assertThat(run("gsutil", "iam ch allUsers:objectViewer gs://b").getFirst().verb()).isEqualTo(Verb.GRANT);
        assertThat(run("gsutil", "rm -rf gs://shop-prod-logs").getFirst().resource().type()).isEqualTo("bucket");
        Operation gcloud = one("storage rm --recursive gs://shop-prod-logs");
        assertThat(gcloud.resource().type()).isEqualTo("bucket");
        assertThat(one("storage rm gs://b/tmp/*").scope()).isEqualTo(Scope.MANY);
        assertThat(one("storage ls gs://b").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void copiesToAnInstanceSendDataAway() {
        assertThat(one("compute scp ./dump.sql web-1:/tmp --zone z").verb()).isEqualTo(Verb.TRANSFER);
        assertThat(one("compute scp web-1:/var/log/app.log . --zone z").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void namesLocateClustersAndDeploymentsAreStacks() {
        assertThat(one("container clusters delete prod-cluster --zone z").resource().locator("cluster")).isEqualTo("prod-cluster");
        assertThat(one("container node-pools delete p1 --cluster prod-cluster").resource().locator("cluster")).isEqualTo("prod-cluster");
        Operation dm = one("deployment-manager deployments delete shop -q");
        assertThat(dm.resource().type()).isEqualTo("stack");
        assertThat(dm.scope()).isEqualTo(Scope.ALL);
        assertThat(one("iam service-accounts keys create k.json --iam-account=sa@shop-prod.iam.gserviceaccount.com")
                .resource().locator("project")).isEqualTo("shop-prod");
    }

    @Test
    void actionFromAVariableReadsAsDelete() {
        Invocation inv = Invocation.of("gcloud").withArgs(List.of(Arg.of("sql"),
                Arg.of("instances"), new Arg("$OP", false, false, null),
                Arg.of("orders-db")));
        Operation op = new GcloudRecognizer().recognize(inv, nested).getFirst();
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("database");
    }

    @Test
    void helpIsNothing() {
        assertThat(run("gcloud", "compute instances delete --help")).isEmpty();
    }
}
