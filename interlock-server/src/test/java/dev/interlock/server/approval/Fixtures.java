package dev.interlock.server.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.Interlock;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.policy.PolicyFile;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.auth.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Real decisions from the real engine, callers, and a clock the test moves. */
final class Fixtures {

    static final Interlock SHIPPED = Interlock.builder().build();

    /** prod deletes need one SRE, confirm the name, and allow grants of up to an hour; prod escalation likewise. */
    static final Interlock GRANTS = Interlock.builder().policy(List.of(new PolicyFile("grants.yaml", """
            apiVersion: interlock.dev/v1
            kind: Policy
            metadata:
              name: grants
            spec:
              rules:
                - id: prod-deletes
                  match: { environments: [prod], verbs: [delete] }
                  effect: require_approval
                  approval: { approvers: [group:sre], count: 1, requester_may_approve: false, expires: 30m, min_review: 10s, confirm: resource-name, max_grant: 1h }
                  message: "'deleting in prod'"
                - id: legacy-deletes-soon-denied
                  match: { environments: [prod], verbs: [delete] }
                  when: op.resource.name == "legacy"
                  effect: deny
                  enforcement: dry-run
                  message: "'legacy will be frozen'"
                - id: prod-escalation
                  match: { environments: [prod], verbs: [escalate] }
                  effect: require_approval
                  approval: { approvers: [group:sre], count: 1, requester_may_approve: false, expires: 30m, min_review: 0s, max_grant: 1h }
                  message: "'escalating in prod'"
                - id: two-for-updates
                  match: { environments: [prod], verbs: [update, create] }
                  effect: require_approval
                  approval: { approvers: [group:sre, user:carol], count: 2, requester_may_approve: true, expires: 10m, min_review: 0s }
                  message: "'updates need two'"
            """))).build();

    static final Caller AGENT = new Caller("tok_agent", Role.AGENT, "alice", "claude-code", List.of());
    static final Caller OTHER_AGENT = new Caller("tok_agent2", Role.AGENT, "alice", "kiro", List.of());
    static final Caller BOBS_AGENT = new Caller("tok_agent3", Role.AGENT, "bob", "claude-code", List.of());
    static final Caller ALICE = new Caller("tok_alice", Role.APPROVER, "alice", "", List.of("sre"));
    static final Caller BOB = new Caller("tok_bob", Role.APPROVER, "bob", "", List.of("sre"));
    static final Caller DAVE = new Caller("tok_dave", Role.APPROVER, "dave", "", List.of("sre"));
    static final Caller CAROL = new Caller("tok_carol", Role.APPROVER, "carol", "", List.of("dev"));
    static final Caller ADMIN = new Caller("tok_admin", Role.ADMIN, "root", "", List.of("admins"));

    private Fixtures() {
    }

    static Request shell(String command, String session) {
        return Request.shell(command, RequestContext.EMPTY.withEnvironment("prod"), new Actor("alice", "claude-code", session));
    }

    static Request deleteApi() {
        return shell("kubectl delete deployment api -n payments", "s1");
    }

    static Decision decide(Interlock engine, Request request, Effect expected) {
        Decision d = engine.decide(request);
        assertThat(d.effect()).as("effect of %s: %s", request, d).isEqualTo(expected);
        return d;
    }

    /** A clock the test advances; the services read time only from it. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
