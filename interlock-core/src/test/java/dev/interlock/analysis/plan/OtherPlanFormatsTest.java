package dev.interlock.analysis.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.model.Operation;
import dev.interlock.model.Plan;
import dev.interlock.model.PlanChange;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import dev.interlock.model.Verb;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CloudFormation change sets, Pulumi previews and Kubernetes manifests, on the real documents in ../shared/fixtures. */
class OtherPlanFormatsTest {

    @Test
    void changeSetsMapActionAndReplacement() {
        Plan replace = Fixtures.read(Fixtures.shared("cloudformation/localstack-sns-replace-with-property-values.json"));
        assertThat(replace.kind()).isEqualTo(RequestKind.CLOUDFORMATION_CHANGESET);
        assertThat(replace.changes()).extracting(PlanChange::verb).containsExactly(Verb.REPLACE, Verb.UPDATE);
        PlanChange topic = replace.changes().getFirst();
        assertThat(topic.type()).isEqualTo("AWS::SNS::Topic");
        assertThat(topic.reason()).contains("TopicName requires recreation");
        assertThat(topic.attribute("policy_action")).isEqualTo("ReplaceAndDelete");
        assertThat(topic.attribute("TopicName")).as("before-context properties").isEqualTo("topic-name-1");
        assertThat(replace.changes().get(1).reason()).contains("caused by Topic1");

        Plan removed = Fixtures.read(Fixtures.shared("cloudformation/localstack-ssm-remove-three.json"));
        assertThat(removed.changes()).extracting(PlanChange::verb).containsOnly(Verb.DELETE).hasSize(3);
        List<Operation> ops = PlanAnalyzer.analyze(removed, Fixtures.catalogue(), RequestContext.EMPTY);
        assertThat(ops).as("a change set does not list what stays, so three removals are not a teardown").hasSize(3);

        Plan sam = Fixtures.read(Fixtures.shared("cloudformation/localstack-sam-transform-add-and-remove.json"));
        assertThat(sam.changes()).extracting(PlanChange::verb).containsExactlyInAnyOrder(Verb.CREATE, Verb.CREATE, Verb.CREATE,
                Verb.CREATE, Verb.CREATE, Verb.CREATE, Verb.DELETE);
    }

    @Test
    void aChangeSetsDeletionPolicyDecidesWhatHappensToTheData() {
        String json = """
                {"StackName":"payments-prod","StackId":"arn:aws:cloudformation:eu-west-1:123456789012:stack/payments-prod/1",
                 "ChangeSetName":"cs1","Changes":[
                  {"Type":"Resource","ResourceChange":{"Action":"Remove","LogicalResourceId":"Db","ResourceType":"AWS::RDS::DBInstance","PolicyAction":"Snapshot"}},
                  {"Type":"Resource","ResourceChange":{"Action":"Modify","Replacement":"True","LogicalResourceId":"Table","ResourceType":"AWS::DynamoDB::Table","PolicyAction":"ReplaceAndDelete"}},
                  {"Type":"Resource","ResourceChange":{"Action":"Modify","Replacement":"Conditional","LogicalResourceId":"Queue","ResourceType":"AWS::SQS::Queue"}}]}""";
        Plan plan = Plans.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Optional.empty(), ManifestAction.APPLY);
        assertThat(plan.name()).isEqualTo("payments-prod (change set cs1)");
        assertThat(plan.locators()).containsEntry("stack", "payments-prod").containsEntry("account", "123456789012")
                .containsEntry("region", "eu-west-1");
        List<Operation> ops = PlanAnalyzer.analyze(plan, Fixtures.catalogue(), RequestContext.EMPTY);
        assertThat(ops.get(0).resource().locator("data")).isEqualTo("kept");
        assertThat(ops.get(1).resource().locator("data")).isEqualTo("lost");
        assertThat(ops.get(2).verb()).isEqualTo(Verb.REPLACE);
        assertThat(ops.get(2).confidence().wire()).as("Conditional replacement is decided at execution").isEqualTo("inferred");
    }

    @Test
    void pulumiPreviewsCountAReplacementOnceAndReadTheStack() {
        Plan plan = Fixtures.read(Fixtures.shared("pulumi/drift-adopter-small_scale_10_replace.json"));
        assertThat(plan.kind()).isEqualTo(RequestKind.PULUMI_PREVIEW);
        assertThat(plan.name()).isEqualTo("test-a692d456");
        assertThat(plan.changes()).extracting(PlanChange::verb)
                .containsExactlyInAnyOrder(Verb.CREATE, Verb.REPLACE, Verb.UPDATE, Verb.REPLACE, Verb.DELETE);
        Plan events = Fixtures.read(Fixtures.shared("pulumi/drift-adopter-small_scale_10_deployments.json"));
        assertThat(events.changes()).extracting(PlanChange::verb)
                .as("the engine-event stream of the same scenario reads the same")
                .containsExactlyInAnyOrderElementsOf(Fixtures.read(Fixtures.shared("pulumi/drift-adopter-small_scale_10_replace.json"))
                        .changes().stream().map(PlanChange::verb).toList());
        Plan sg = Fixtures.read(Fixtures.shared("pulumi/drift-adopter-aws_tags_and_sets.json"));
        assertThat(sg.changes()).filteredOn(c -> c.verb() == Verb.REPLACE).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("replace because of description"));
        Plan deletes = Fixtures.read(Fixtures.shared("pulumi/stratify-sample-preview-deletes.json"));
        assertThat(deletes.changes()).hasSize(14);
        assertThat(deletes.unchanged()).isEqualTo(2);
    }

    @Test
    void pulumiProtectAndRetainOnDeleteKeepTheData() {
        String json = """
                {"steps":[
                 {"op":"delete","urn":"urn:pulumi:prod::shop::aws:rds/instance:Instance::db","oldState":{"type":"aws:rds/instance:Instance","protect":true,"outputs":{"identifier":"shop"}}},
                 {"op":"delete","urn":"urn:pulumi:prod::shop::aws:s3/bucket:Bucket::media","oldState":{"type":"aws:s3/bucket:Bucket","retainOnDelete":true,"outputs":{"bucket":"media"}}},
                 {"op":"replace","urn":"urn:pulumi:prod::shop::aws:dynamodb/table:Table::carts","oldState":{"type":"aws:dynamodb/table:Table","outputs":{"name":"carts","deletionProtectionEnabled":false}},"replaceReasons":["hashKey"]}],
                 "changeSummary":{"delete":2,"replace":1}}""";
        Plan plan = Plans.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Optional.empty(), ManifestAction.APPLY);
        List<Operation> ops = PlanAnalyzer.analyze(plan, Fixtures.catalogue(), RequestContext.EMPTY);
        assertThat(ops).extracting(o -> o.resource().locator("data")).containsExactly("refused", "kept", "lost");
        assertThat(ops).allSatisfy(o -> assertThat(o.resource().locator("stack")).isEqualTo("prod"));
    }

    @Test
    void manifestsBecomeOneChangePerObjectByWhatKubectlDoes() {
        Plan apply = Fixtures.read(Fixtures.shared("kubernetes/metallb-native.yaml"));
        assertThat(apply.kind()).isEqualTo(RequestKind.KUBERNETES_MANIFEST);
        assertThat(apply.changes()).hasSize(26).extracting(PlanChange::verb).containsOnly(Verb.UPDATE);
        assertThat(apply.changes()).filteredOn(c -> c.type().equals("CustomResourceDefinition")).hasSize(9);
        Plan list = Fixtures.read(Fixtures.shared("kubernetes/kubectl-testdata-multi-resource-list.json"));
        assertThat(list.changes()).extracting(PlanChange::type).containsExactly("Service", "ReplicationController");

        Plan delete = read(Fixtures.shared("kubernetes/examples-cassandra-statefulset.yaml"), new ManifestAction("delete", false, false, false));
        List<Operation> ops = PlanAnalyzer.analyze(delete, Fixtures.catalogue(), RequestContext.EMPTY);
        Operation sts = ops.stream().filter(o -> o.resource().type().equals("StatefulSet")).findFirst().orElseThrow();
        assertThat(sts.verb()).isEqualTo(Verb.DELETE);
        assertThat(sts.resource().locator("data")).as("claims outlive a deleted stateful set by default").isEqualTo("kept");

        Plan ns = read(Fixtures.shared("kubernetes/ingress-nginx-cloud-deploy.yaml"), new ManifestAction("delete", false, false, false));
        Operation namespace = PlanAnalyzer.analyze(ns, Fixtures.catalogue(), RequestContext.EMPTY).stream()
                .filter(o -> o.resource().type().equals("Namespace")).findFirst().orElseThrow();
        assertThat(namespace.resource().locator("data")).isEqualTo("lost");

        Plan pruned = read(Fixtures.shared("kubernetes/kubectl-testdata-list.yaml"), new ManifestAction("apply", false, true, false));
        assertThat(PlanAnalyzer.analyze(pruned, Fixtures.catalogue(), RequestContext.EMPTY)).last()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.DELETE)).satisfies(o -> assertThat(o.scope().wire()).isEqualTo("many"));
    }

    @Test
    void badManifestsAreClearErrors() {
        assertThatThrownBy(() -> Plans.read(new ByteArrayInputStream("apiVersion: v1\nkind: [".getBytes(StandardCharsets.UTF_8)),
                Optional.empty(), ManifestAction.APPLY)).isInstanceOf(PlanFormatException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Plans.read(new ByteArrayInputStream("apiVersion: v1\nkind: ConfigMap\n".getBytes(StandardCharsets.UTF_8)),
                Optional.empty(), ManifestAction.APPLY)).isInstanceOf(PlanFormatException.class).hasMessageContaining("metadata.name");
        assertThatThrownBy(() -> new ManifestAction("explode", false, false, false)).isInstanceOf(PlanFormatException.class);
    }

    private static Plan read(java.nio.file.Path file, ManifestAction action) {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            return Plans.read(in, Optional.empty(), action);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
