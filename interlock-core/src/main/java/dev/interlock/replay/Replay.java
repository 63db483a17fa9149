package dev.interlock.replay;

import dev.interlock.Interlock;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Request;
import dev.interlock.model.RuleMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A candidate policy decided on requests that were really made, beside what was decided then (the effect recorded
 * in the audit log, or the baseline policy's when only the request is known). Each request comes out stricter,
 * looser or unchanged; the changes are grouped by the rules that decided before and after, so that a policy change
 * is reviewed like code: "this rule would now allow 312 requests it used to hold". Pure: no I/O, no clock.
 */
public final class Replay {

    /** Examples kept per group. */
    static final int EXAMPLES = 3;

    /** One recorded request: where it came from, and what was decided then (if known) by which rules. */
    public record Recorded(String source, Request request, Optional<Effect> effect, List<String> rules) {
        public Recorded {
            rules = List.copyOf(rules);
        }
    }

    public enum Direction { STRICTER, LOOSER, UNCHANGED }

    public record Change(String source, String summary, Effect before, Effect after, List<String> rulesBefore, List<String> rulesAfter) {
        public Direction direction() {
            int c = after.compareTo(before);
            return c > 0 ? Direction.STRICTER : c < 0 ? Direction.LOOSER : Direction.UNCHANGED;
        }
    }

    /** Changes that share a direction, the effects before and after, and the deciding rules before and after. */
    public record Group(Direction direction, Effect before, Effect after, String rulesBefore, String rulesAfter, int count,
                        List<Change> examples) {
    }

    public record Result(int replayed, int stricter, int looser, int unchanged, List<Group> groups) {
        public boolean loosens() {
            return looser > 0;
        }
    }

    private Replay() {
    }

    /** {@code baseline} decides requests recorded without an effect; it may be null when every one has one. */
    public static Result run(Interlock baseline, Interlock candidate, List<Recorded> recorded) {
        // A decision depends on the request and the policy only: history repeats itself, so each distinct request is
        // decided once per policy.
        Map<Request, Decision> before = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Request, Decision> after = new java.util.concurrent.ConcurrentHashMap<>();
        List<Change> changes = IntStream.range(0, recorded.size()).parallel()
                .mapToObj(i -> compare(baseline, candidate, recorded.get(i), before, after)).toList();
        int stricter = 0;
        int looser = 0;
        Map<String, List<Change>> byKey = new LinkedHashMap<>();
        for (Change c : changes) {
            switch (c.direction()) {
                case STRICTER -> stricter++;
                case LOOSER -> looser++;
                case UNCHANGED -> {
                    continue;
                }
            }
            String key = c.direction() + "|" + c.before() + "|" + c.after() + "|" + c.rulesBefore() + "|" + c.rulesAfter();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Change> g : byKey.values()) {
            Change first = g.getFirst();
            groups.add(new Group(first.direction(), first.before(), first.after(), String.join(", ", first.rulesBefore()),
                    String.join(", ", first.rulesAfter()), g.size(), List.copyOf(g.subList(0, Math.min(EXAMPLES, g.size())))));
        }
        // Looser first: that is what a reviewer of a policy change must not miss.
        groups.sort(Comparator.comparing(Group::direction, Comparator.comparingInt(d -> d == Direction.LOOSER ? 0 : 1))
                .thenComparing(Comparator.comparingInt(Group::count).reversed()));
        return new Result(changes.size(), stricter, looser, changes.size() - stricter - looser, groups);
    }

    private static Change compare(Interlock baseline, Interlock candidate, Recorded r, Map<Request, Decision> decidedBefore,
                                  Map<Request, Decision> decidedAfter) {
        Request key = new Request("", r.request().kind(), r.request().payload(), r.request().context(), r.request().actor());
        Decision now = decidedAfter.computeIfAbsent(key, candidate::decide);
        Effect before;
        List<String> rulesBefore;
        if (r.effect().isPresent()) {
            before = r.effect().get();
            rulesBefore = r.rules();
        } else {
            Decision then = decidedBefore.computeIfAbsent(key, baseline::decide);
            before = then.effect();
            rulesBefore = ids(then);
        }
        return new Change(r.source(), now.summary(), before, now.effect(), rulesBefore, ids(now));
    }

    private static List<String> ids(Decision d) {
        return d.deciding().stream().map(RuleMatch::id).distinct().toList();
    }
}
