package dev.interlock.replay;

import dev.interlock.Interlock;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Request;
import dev.interlock.model.RuleMatch;
import dev.interlock.policy.CompiledPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A candidate policy decided on requests that were really made, beside what was decided then (the effect recorded
 * in the audit log, or the baseline policy's when only the request is known). Each request comes out stricter,
 * looser or unchanged; the changes are grouped by the rules that decided before and after, so that a policy change
 * is reviewed like code: "this rule would now allow 312 requests it used to hold". Pure: no I/O, no clock.
 *
 * <p>History is fed in chunks ({@link #add}) and only the tally is kept, so a month of it needs no more memory than
 * a day. Both policies are judged with one engine's analysis and inventory: what changes is the policy alone.
 */
public final class Replay {

    /** Examples kept per group. */
    static final int EXAMPLES = 3;

    /**
     * Distinct requests whose decisions are remembered (history repeats itself: agents run the same reads all day).
     * Past it the memory starts again, so that its size stays bounded however long the history.
     */
    static final int REMEMBERED = 65_536;

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

    /** What one policy decided for a request: all a comparison needs of a decision. */
    private record Outcome(Effect effect, List<String> rules, String summary) {
        static Outcome of(Decision d) {
            return new Outcome(d.effect(), d.deciding().stream().map(RuleMatch::id).distinct().toList(), d.summary());
        }
    }

    /** The candidate's outcome for a request, and the baseline's once it was needed. */
    private record Known(Outcome after, Outcome before) {
    }

    private final Interlock engine;
    private final CompiledPolicy baseline;
    private final CompiledPolicy candidate;
    private final Map<Request, Known> remembered = new ConcurrentHashMap<>();
    private final Map<String, List<Change>> examples = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int replayed;
    private int stricter;
    private int looser;

    /**
     * {@code engine} analyses (its inventory, its ambient context); {@code baseline} decides requests recorded without
     * an effect and may be null when every one has one.
     */
    public Replay(Interlock engine, CompiledPolicy baseline, CompiledPolicy candidate) {
        this.engine = engine;
        this.baseline = baseline;
        this.candidate = candidate;
    }

    /** The whole history at once, judged with the candidate's engine. */
    public static Result run(Interlock baseline, Interlock candidate, List<Recorded> recorded) {
        Replay replay = new Replay(candidate, baseline == null ? null : baseline.policy(), candidate.policy());
        replay.add(recorded);
        return replay.result();
    }

    /** The next chunk of history, in order: decided on every core, then tallied. Not for concurrent callers. */
    public void add(List<Recorded> chunk) {
        List<Change> changes = IntStream.range(0, chunk.size()).parallel().mapToObj(i -> compare(chunk.get(i))).toList();
        for (Change c : changes) {
            replayed++;
            switch (c.direction()) {
                case STRICTER -> stricter++;
                case LOOSER -> looser++;
                case UNCHANGED -> {
                    continue;
                }
            }
            String key = c.direction() + "|" + c.before() + "|" + c.after() + "|" + c.rulesBefore() + "|" + c.rulesAfter();
            counts.merge(key, 1, Integer::sum);
            List<Change> kept = examples.computeIfAbsent(key, k -> new ArrayList<>(EXAMPLES));
            if (kept.size() < EXAMPLES) {
                kept.add(c);
            }
        }
    }

    /** The tally so far. */
    public Result result() {
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Change>> e : examples.entrySet()) {
            Change first = e.getValue().getFirst();
            groups.add(new Group(first.direction(), first.before(), first.after(), String.join(", ", first.rulesBefore()),
                    String.join(", ", first.rulesAfter()), counts.get(e.getKey()), List.copyOf(e.getValue())));
        }
        // Looser first: that is what a reviewer of a policy change must not miss.
        groups.sort(Comparator.comparing(Group::direction, Comparator.comparingInt(d -> d == Direction.LOOSER ? 0 : 1))
                .thenComparing(Comparator.comparingInt(Group::count).reversed()));
        return new Result(replayed, stricter, looser, replayed - stricter - looser, groups);
    }

    private Change compare(Recorded r) {
        // A decision depends on the request and the policy only, not on the request's id.
        Request key = new Request("", r.request().kind(), r.request().payload(), r.request().context(), r.request().actor());
        boolean needsBaseline = r.effect().isEmpty();
        Known known = remembered.get(key);
        if (known == null || (needsBaseline && known.before() == null)) {
            known = decide(key, needsBaseline);
            if (remembered.size() >= REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, known);
        }
        Outcome now = known.after();
        if (!needsBaseline) {
            return new Change(r.source(), now.summary(), r.effect().get(), now.effect(), r.rules(), now.rules());
        }
        return new Change(r.source(), now.summary(), known.before().effect(), now.effect(), known.before().rules(), now.rules());
    }

    private Known decide(Request request, boolean withBaseline) {
        if (!withBaseline) {
            return new Known(Outcome.of(engine.decideUnder(request, List.of(candidate)).getFirst()), null);
        }
        if (baseline == null) {
            throw new IllegalStateException("a request recorded without a decision needs a baseline policy");
        }
        List<Decision> both = engine.decideUnder(request, List.of(candidate, baseline));
        return new Known(Outcome.of(both.get(0)), Outcome.of(both.get(1)));
    }
}
