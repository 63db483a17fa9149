package dev.interlock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    static final String HEAD = "apiVersion: interlock.dev/v1\nkind: Policy\nmetadata:\n  name: t\nspec:\n";

    static Interlock with(String spec) {
        return Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).policy(List.of(new PolicyFile("t.yaml", HEAD + spec))).build();
    }

    static Decision op(Interlock i, String system, String verb, String env, String extra) {
        return i.decide(RequestReader.read("{\"kind\":\"operation\",\"operation\":{\"system\":\"" + system + "\",\"verb\":\"" + verb
                + "\",\"resource\":{\"type\":\"namespace\",\"name\":\"payments\"}" + extra + "},\"context\":{\"environment\":\"" + env + "\"},"
                + "\"actor\":{\"agent\":\"claude-code\"}}"));
    }

    @Test
    void strictestMatchingRuleWins() {
        Interlock i = with("""
                  rules:
                    - { id: allow-k8s, match: { systems: [kubernetes] }, effect: allow }
                    - { id: deny-delete, match: { verbs: [delete] }, effect: deny, message: "'no ' + op.resource.type" }
                    - { id: ask-prod, match: { environments: [prod] }, effect: ask }
                """);
        Decision d = op(i, "kubernetes", "delete", "prod", "");
        assertThat(d.effect()).isEqualTo(Effect.DENY);
        assertThat(d.rules()).extracting(r -> r.id()).contains("allow-k8s", "deny-delete", "ask-prod");
        assertThat(d.rules()).filteredOn(r -> r.id().equals("deny-delete")).first().extracting(r -> r.message()).isEqualTo("no namespace");
        assertThat(op(i, "kubernetes", "update", "prod", "").effect()).isEqualTo(Effect.ASK);
    }

    @Test
    void anAllowRuleReplacesTheDefaultButNeverAnInvariant() {
        Interlock i = with("""
                  rules:
                    - { id: allow-all, effect: allow }
                """);
        assertThat(op(i, "kubernetes", "delete", "prod", "").effect()).isEqualTo(Effect.ALLOW);
        assertThat(op(i, "aws", "escalate", "dev", "").effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
        assertThat(op(i, "interlock", "update", "local", "").effect()).isEqualTo(Effect.DENY);
    }

    @Test
    void tierDefaultsApplyWhenNoRuleMatches() {
        Interlock i = with("  rules: []\n");
        assertThat(op(i, "kubernetes", "read", "prod", "").effect()).isEqualTo(Effect.ALLOW);
        assertThat(op(i, "kubernetes", "update", "prod", "").effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
        assertThat(op(i, "kubernetes", "update", "dev", "").effect()).isEqualTo(Effect.ALLOW);
        Decision d = op(i, "kubernetes", "delete", "local", ",\"scope\":\"all\",\"stateful\":true");
        assertThat(d.effect()).isEqualTo(Effect.DENY);
        assertThat(d.rules().getFirst().id()).isEqualTo("default:local/critical");
    }

    @Test
    void dryRunRulesAreReportedNotEnforced() {
        Interlock i = with("""
                  rules:
                    - { id: new-rule, match: { verbs: [read] }, effect: deny, enforcement: dry-run }
                """);
        Decision d = op(i, "kubernetes", "read", "prod", "");
        assertThat(d.effect()).isEqualTo(Effect.ALLOW);
        assertThat(d.rules()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("new-rule");
            assertThat(r.enforced()).isFalse();
        });
    }

    @Test
    void aVerifiedPolicyCompilesCelAtFirstUseAndAnErrorThenFailsClosed() {
        String spec = """
                  rules:
                    - { id: allow-reads, match: { verbs: [read] }, when: "op.resource.name ==", effect: allow }
                    - { id: deny-deletes, match: { verbs: [delete] }, when: "op.resource.name === 1", effect: deny }
                """;
        assertThatThrownBy(() -> with(spec)).isInstanceOf(PolicyException.class).hasMessageContaining("not valid CEL");
        Interlock lazy = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION)
                .policy(List.of(new PolicyFile("t.yaml", HEAD + spec))).verifiedPolicy().build();
        assertThat(op(lazy, "kubernetes", "update", "dev", "").effect()).isEqualTo(Effect.ALLOW);
        assertThat(op(lazy, "kubernetes", "delete", "dev", "").effect()).isEqualTo(Effect.DENY);
        assertThat(op(lazy, "kubernetes", "read", "prod", "").rules()).noneMatch(r -> r.id().equals("allow-reads"));
    }

    @Test
    void aConditionThatFailsToEvaluateFailsClosed() {
        Interlock i = with("""
                  rules:
                    - { id: deny-broken, when: "op.resource.locators['missing'] == 'x'", effect: deny }
                    - { id: allow-broken, when: "op.resource.locators['missing'] == 'x'", effect: allow }
                """);
        Decision d = op(i, "kubernetes", "read", "dev", "");
        assertThat(d.effect()).isEqualTo(Effect.DENY);
        assertThat(d.rules()).extracting(r -> r.id()).contains("deny-broken").doesNotContain("allow-broken");
    }

    @Test
    void celAndShapeErrorsNameFileLineAndColumn() {
        assertThatThrownBy(() -> with("""
                  rules:
                    - id: bad
                      when: op.verb == 
                      effect: deny
                """)).isInstanceOf(PolicyException.class).hasMessageStartingWith("t.yaml:8:").hasMessageContaining("when is not valid CEL");
        assertThatThrownBy(() -> with("""
                  rules:
                    - { id: typo, mach: { verbs: [delete] }, effect: deny }
                """)).hasMessageContaining("t.yaml:7:").hasMessageContaining("unknown field 'mach'");
        assertThatThrownBy(() -> with("""
                  rules:
                    - { id: x, effect: block }
                """)).hasMessageContaining("effect: 'block' is not one of allow, ask, require_approval, deny");
        assertThatThrownBy(() -> with("  rules: [")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> with("""
                  rules:
                    - { id: m, effect: deny, message: plain words here }
                """)).hasMessageContaining("message is not valid CEL").hasMessageContaining("quote plain text");
    }

    @Test
    void aPolicyWhoseTestsFailIsNotLoadedAndThePreviousStays() {
        Interlock i = with("  rules: []\n");
        String before = i.policy().version();
        String failing = HEAD + """
                  rules:
                    - { id: allow-all, effect: allow }
                  tests:
                    - name: deletes in prod are denied
                      request: { kind: operation, operation: { system: kubernetes, verb: delete }, context: { environment: prod } }
                      expect: deny
                """;
        assertThatThrownBy(() -> i.reload(List.of(new PolicyFile("new.yaml", failing))))
                .hasMessageContaining("policy test 'deletes in prod are denied' failed: expected deny, got allow")
                .hasMessageContaining("the previous policy stays in force");
        assertThat(i.policy().version()).isEqualTo(before);
    }

    @Test
    void approvalTermsComeFromTheRules() {
        Interlock i = with("""
                  rules:
                    - id: second-human
                      match: { environments: [prod] }
                      effect: require_approval
                      approval: { approvers: [group:sre], count: 2, requester_may_approve: false, expires: 1h30m, min_review: 15s, confirm: resource-name }
                """);
        Decision d = op(i, "kubernetes", "update", "prod", "");
        assertThat(d.approval()).hasValueSatisfying(a -> {
            assertThat(a.approvers()).containsExactly("group:sre");
            assertThat(a.count()).isEqualTo(2);
            assertThat(a.expires().toMinutes()).isEqualTo(90);
            assertThat(a.confirm()).isEqualTo("resource-name");
        });
    }
}
