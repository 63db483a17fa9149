package dev.interlock.analysis.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.model.Plan;
import dev.interlock.model.PlanChange;
import dev.interlock.model.RequestKind;
import dev.interlock.model.Verb;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerraformPlansTest {

    static Stream<Arguments> realFixtures() {
        // file, format version, changes (no-ops excluded), unchanged
        return Stream.of(
                Arguments.of("013_module_depends_on", "0.1", 3, 0),
                Arguments.of("basic", "0.1", 8, 0),
                Arguments.of("110_basic", "1.0", 7, 0),
                Arguments.of("110_sensitive_values", "0.2", 7, 0),
                Arguments.of("120_basic", "1.1", 7, 0),
                Arguments.of("action_reason", "1.2", 1, 0),
                Arguments.of("actions", "1.2", 0, 0),
                Arguments.of("config_resource_depends_on", "0.1", 1, 1),
                Arguments.of("deep_module", "0.1", 1, 0),
                Arguments.of("explicit_null", "0.1", 3, 0),
                Arguments.of("has_changes", "0.1", 0, 6),
                Arguments.of("has_checks", "1.2", 2, 0),
                Arguments.of("identity", "1.2", 1, 0),
                Arguments.of("moved_block", "1.2", 0, 1),
                Arguments.of("nested_config_keys", "0.1", 1, 0),
                Arguments.of("no_changes", "0.1", 0, 6),
                Arguments.of("numerics", "1.2", 1, 0),
                Arguments.of("output_depends_on", "0.1", 2, 0),
                Arguments.of("provider_version", "0.1", 1, 0),
                Arguments.of("registry_module", "0.1", 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realFixtures")
    void everyRealFormatVersionIsRead(String name, String version, int changes, int unchanged) {
        Plan plan = Fixtures.read(Fixtures.shared("terraform-json/" + name + ".plan.json"));
        assertThat(plan.tool()).isEqualTo("terraform");
        assertThat(plan.formatVersion()).isEqualTo(version);
        assertThat(plan.changes()).hasSize(changes);
        assertThat(plan.unchanged()).isEqualTo(unchanged);
        assertThat(plan.digest()).startsWith("sha256:");
    }

    @Test
    void deleteCreateIsAReplaceWithItsReason() {
        PlanChange c = Fixtures.read(Fixtures.shared("terraform-json/action_reason.plan.json")).changes().getFirst();
        assertThat(c.verb()).isEqualTo(Verb.REPLACE);
        assertThat(c.actions()).isEqualTo("delete,create");
        assertThat(c.reason()).isEqualTo("replace_because_tainted");
        assertThat(c.attribute("id")).isEqualTo("8868159889619753631");
    }

    @Test
    void dataSourcesAreReadsAndModulesAreLocated() {
        Plan plan = Fixtures.read(Fixtures.shared("terraform-json/013_module_depends_on.plan.json"));
        assertThat(plan.changes()).extracting(PlanChange::verb).containsExactly(Verb.READ, Verb.CREATE, Verb.CREATE);
        assertThat(plan.changes().get(1).locators()).containsEntry("module", "module.foo");
    }

    @Test
    void importsMovesDriftDeposedAndDeferredChangesAreReported() {
        Plan plan = Fixtures.read(Fixtures.own("terraform/deposed-import-drift.plan.json"));
        assertThat(plan.changes()).extracting(PlanChange::verb).containsExactly(Verb.DELETE, Verb.UPDATE);
        assertThat(plan.changes().get(0).attribute("deposed")).isEqualTo("a1b2c3d4");
        assertThat(plan.changes().get(1).attribute("importing")).isEqualTo("legacy");
        assertThat(plan.findings()).anySatisfy(f -> assertThat(f).startsWith("deferred to a later plan: aws_eks_node_group.workers"))
                .anySatisfy(f -> assertThat(f).startsWith("drift: 1 resource"))
                .anySatisfy(f -> assertThat(f).contains("incomplete"));
        Plan moved = Fixtures.read(Fixtures.own("terraform/moved-block.plan.json"));
        assertThat(moved.findings()).singleElement().asString().contains("aws_s3_bucket.log_bucket → aws_s3_bucket.logs");
        assertThat(moved.changes()).singleElement().satisfies(c -> assertThat(c.attribute("previous_address")).isEqualTo("aws_security_group.www"));
    }

    @Test
    void providerConfigurationAndVariablesSayWhereThePlanLands() {
        Plan plan = Fixtures.read(Fixtures.own("terraform/replace-db-prod.plan.json"));
        assertThat(plan.locators()).containsEntry("account", "111122223333").containsEntry("region", "us-east-1")
                .containsEntry("environment", "prod");
        assertThat(plan.sources().get("account")).contains("assume_role");
        PlanChange db = plan.changes().getFirst();
        assertThat(db.attribute("replace_paths")).isEqualTo("identifier");
        assertThat(db.attribute("skip_final_snapshot")).isEqualTo("true");
        assertThat(db.locators()).containsEntry("environment", "production");
    }

    @Test
    void theDigestIsTheSameFromAFileAndFromARequestAndChangesWithOneValue() throws Exception {
        Path file = Fixtures.own("terraform/replace-db-prod.plan.json");
        Plan fromFile = Fixtures.read(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(Files.readString(file));
        Plan fromRequest = Plans.read(RequestKind.TERRAFORM_PLAN, tree, ManifestAction.APPLY);
        assertThat(fromRequest.digest()).isEqualTo(fromFile.digest());
        tree.put("timestamp", "2030-01-01T00:00:00Z");
        assertThat(Plans.read(RequestKind.TERRAFORM_PLAN, tree, ManifestAction.APPLY).digest())
                .as("a new timestamp is the same plan").isEqualTo(fromFile.digest());
        ((ObjectNode) tree.path("resource_changes").get(1).path("change").path("after")).put("description", "changed");
        assertThat(Plans.read(RequestKind.TERRAFORM_PLAN, tree, ManifestAction.APPLY).digest()).isNotEqualTo(fromFile.digest());
    }

    @Test
    void malformedTruncatedUnknownAndForeignDocumentsAreClearErrors() {
        assertThatThrownBy(() -> Fixtures.read(Fixtures.shared("terraform-json/invalid.plan.json")))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining("malformed JSON at line");
        assertThatThrownBy(() -> Fixtures.read(Fixtures.own("terraform/truncated.plan.json")))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> Fixtures.read(Fixtures.own("terraform/unknown-format-version.plan.json")))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining("format_version 2.0");
        assertThatThrownBy(() -> read("{\"hello\": 1}", Optional.of(RequestKind.TERRAFORM_PLAN)))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining("not a Terraform plan");
        assertThatThrownBy(() -> read("{\"hello\": 1}", Optional.empty()))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining("not a plan Interlock knows");
        assertThatThrownBy(() -> read("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\",\"change\":{\"actions\":[\"explode\"]}}]}", Optional.empty()))
                .isInstanceOf(PlanFormatException.class).hasMessageContaining("unknown action 'explode'");
        assertThatThrownBy(() -> read("", Optional.empty())).isInstanceOf(PlanFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void forgetIsAnUpdateThatStopsManaging() {
        Plan plan = read("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_s3_bucket.b\",\"type\":\"aws_s3_bucket\","
                + "\"change\":{\"actions\":[\"forget\"],\"before\":{\"bucket\":\"b\"}}}]}", Optional.empty());
        assertThat(plan.changes()).extracting(PlanChange::verb).containsExactly(Verb.UPDATE);
        assertThat(PlanAnalyzer.analyze(plan, Fixtures.catalogue(), dev.interlock.model.RequestContext.EMPTY).getFirst().note())
                .contains("stops managing it");
    }

    private static Plan read(String json, Optional<RequestKind> kind) {
        return Plans.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), kind, ManifestAction.APPLY);
    }

    static List<String> addresses(Plan plan) {
        return plan.changes().stream().map(PlanChange::address).toList();
    }
}
