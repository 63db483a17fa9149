package dev.interlock.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.Interlock;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Effect;
import dev.interlock.model.Request;
import dev.interlock.policy.PolicyFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A candidate policy on recorded requests: stricter, looser and unchanged, grouped by the deciding rules. */
class ReplayTest {

    private static final String NO_RESTARTS = """
            apiVersion: interlock.dev/v1
            kind: Policy
            metadata: { name: payments-team }
            spec:
              rules:
                - id: no-restarts-in-prod
                  match: { systems: [kubernetes], environments: [prod], verbs: [update] }
                  when: op.evidence.contains("rollout restart")
                  effect: deny
            """;

    private static Request shell(String command) {
        return RequestReader.read("{\"kind\":\"shell\",\"command\":\"" + command + "\"}");
    }

    private static Replay.Recorded unrecorded(String command) {
        return new Replay.Recorded(command, shell(command), Optional.empty(), List.of());
    }

    /** The shipped pack plus a team rule that denies restarts in prod. */
    private static Interlock withTeamRule() {
        List<PolicyFile> files = new ArrayList<>(PolicyFile.defaults());
        files.add(new PolicyFile("team.yaml", NO_RESTARTS));
        return Interlock.builder().policy(files).decisionIds(() -> "").build();
    }

    @Test
    void aStricterCandidateIsNamedByTheRulesThatDecideBeforeAndAfter() {
        Interlock shipped = Interlock.builder().decisionIds(() -> "").build();
        Interlock strict = withTeamRule();
        List<Replay.Recorded> recorded = List.of(
                unrecorded("kubectl --context prod-eu-1 -n payments rollout restart deployment/api"),
                unrecorded("kubectl --context prod-eu-1 -n payments rollout restart deployment/web"),
                unrecorded("kubectl get pods"),
                unrecorded("kubectl --context prod-eu-1 delete namespace payments"));

        Replay.Result stricter = Replay.run(shipped, strict, recorded);
        assertThat(stricter.stricter()).isEqualTo(2);
        assertThat(stricter.looser()).isZero();
        assertThat(stricter.unchanged()).isEqualTo(2);
        assertThat(stricter.loosens()).isFalse();
        Replay.Group g = stricter.groups().getFirst();
        assertThat(g.count()).isEqualTo(2);
        assertThat(g.before()).isEqualTo(Effect.REQUIRE_APPROVAL);
        assertThat(g.after()).isEqualTo(Effect.DENY);
        assertThat(g.rulesBefore()).isEqualTo("prod-changes-need-a-second-human");
        assertThat(g.rulesAfter()).isEqualTo("no-restarts-in-prod");

        Replay.Result looser = Replay.run(strict, shipped, recorded);
        assertThat(looser.looser()).isEqualTo(2);
        assertThat(looser.loosens()).isTrue();
        assertThat(looser.groups().getFirst().direction()).isEqualTo(Replay.Direction.LOOSER);
    }

    @Test
    void aRecordedEffectIsWhatTheCandidateIsComparedWith() {
        Interlock shipped = Interlock.builder().decisionIds(() -> "").build();
        // Recorded as allowed then (say, by an older, looser policy): the shipped pack now holds it.
        Replay.Recorded then = new Replay.Recorded("audit #7", shell("kubectl --context prod-eu-1 -n payments rollout restart deployment/api"),
                Optional.of(Effect.ALLOW), List.of("restarts-are-fine"));
        Replay.Result r = Replay.run(null, shipped, List.of(then, then));
        assertThat(r.stricter()).isEqualTo(2);
        assertThat(r.groups()).singleElement().satisfies(g -> {
            assertThat(g.rulesBefore()).isEqualTo("restarts-are-fine");
            assertThat(g.examples()).extracting(Replay.Change::source).containsOnly("audit #7");
        });
    }

    @Test
    void oneAnalysisServesEveryPolicyAndDecidesAsEachPolicyAlone() {
        Interlock shipped = Interlock.builder().decisionIds(() -> "").build();
        Interlock strict = withTeamRule();
        for (String command : List.of("kubectl --context prod-eu-1 -n payments rollout restart deployment/api", "git status",
                "psql -h db.prod.internal -c 'DELETE FROM sessions'", "rm -rf ~/", "terraform destroy -auto-approve")) {
            Request r = shell(command);
            List<dev.interlock.model.Decision> both = shipped.decideUnder(r, List.of(strict.policy(), shipped.policy()));
            assertThat(both.get(0).effect()).as(command).isEqualTo(strict.decide(r).effect());
            assertThat(both.get(0).deciding()).as(command).isEqualTo(strict.decide(r).deciding());
            assertThat(both.get(1).effect()).as(command).isEqualTo(shipped.decide(r).effect());
            assertThat(both.get(1).deciding()).as(command).isEqualTo(shipped.decide(r).deciding());
        }
    }

    @Test
    void historyFedInChunksTalliesAsTheWholeAtOnceAndKeepsTheFirstExamples() {
        Interlock shipped = Interlock.builder().decisionIds(() -> "").build();
        Interlock strict = withTeamRule();
        List<Replay.Recorded> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(unrecorded("kubectl --context prod-eu-1 -n payments rollout restart deployment/api-" + i));
            history.add(unrecorded("kubectl get pods"));
        }
        Replay.Result whole = Replay.run(shipped, strict, history);
        Replay chunked = new Replay(strict, shipped.policy(), strict.policy());
        chunked.add(history.subList(0, 3));
        chunked.add(history.subList(3, 11));
        chunked.add(List.of());
        chunked.add(history.subList(11, 20));
        Replay.Result r = chunked.result();
        assertThat(r).isEqualTo(whole);
        assertThat(r.stricter()).isEqualTo(10);
        assertThat(r.groups()).singleElement().satisfies(g -> assertThat(g.examples()).extracting(Replay.Change::source)
                .containsExactly("kubectl --context prod-eu-1 -n payments rollout restart deployment/api-0",
                        "kubectl --context prod-eu-1 -n payments rollout restart deployment/api-1",
                        "kubectl --context prod-eu-1 -n payments rollout restart deployment/api-2"));
    }
}
