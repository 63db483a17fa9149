package dev.interlock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A policy's {@code spec.catalogue} overrides the shipped catalogue, entry by entry, for plans decided under it. */
class CatalogueOverrideTest {

    private static final String TEAM = """
            apiVersion: interlock.dev/v1
            kind: Policy
            metadata: { name: payments-team }
            spec:
              catalogue:
                - { type: acme_ledger, also: ["Acme::Ledger::Book"], holds: data, what: ledger, refused_when: { locked: true } }
                - { type: aws_sqs_queue, holds: access, what: work queue (producers re-send) }
            """;

    /** The shipped pack plus a team's policy file {@code team.yaml}. */
    static Interlock with(String extra) {
        List<PolicyFile> files = new ArrayList<>(PolicyFile.defaults());
        files.add(new PolicyFile("team.yaml", extra));
        return Interlock.builder().policy(files).ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();
    }

    private static Decision plan(Interlock interlock, String type, String before) {
        return interlock.decide(RequestReader.read("""
                {"kind":"terraform-plan","context":{"environment":"prod"},"plan":{"format_version":"1.2","resource_changes":[
                 {"address":"%s.main","type":"%s","change":{"actions":["delete"],"before":%s}}]}}""".formatted(type, type, before)));
    }

    @Test
    void aTeamsOwnTypesHoldDataAndItsReclassificationsApply() {
        Interlock shipped = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();
        Interlock team = with(TEAM);
        assertThat(plan(shipped, "acme_ledger", "{}").effect().wire()).as("unknown type: a routine prod change").isEqualTo("require_approval");
        assertThat(plan(team, "acme_ledger", "{\"locked\":false}").effect().wire()).isEqualTo("deny");
        assertThat(plan(team, "acme_ledger", "{\"locked\":true}").effect().wire()).isEqualTo("require_approval");
        assertThat(plan(shipped, "aws_sqs_queue", "{}").effect().wire()).isEqualTo("deny");
        Decision queue = plan(team, "aws_sqs_queue", "{}");
        assertThat(queue.effect().wire()).isEqualTo("require_approval");
        assertThat(queue.operations().getFirst().resource().locator("holds")).isEqualTo("access");
        assertThat(team.policy().catalogue().lookup("aws_db_instance")).as("the rest of the shipped catalogue stays").isPresent();
    }

    @Test
    void aBrokenCatalogueIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> with(TEAM.replace("holds: access", "holds: everything")))
                .isInstanceOf(PolicyException.class).hasMessageContaining("team.yaml").hasMessageContaining("holds must be 'data' or 'access'");
    }
}
