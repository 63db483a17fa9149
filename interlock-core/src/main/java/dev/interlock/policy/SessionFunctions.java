package dev.interlock.policy;

import dev.cel.runtime.CelFunctionBinding;
import dev.interlock.model.SessionHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The runtime side of the {@code session} functions: {@code session.count(verbs, within)},
 * {@code session.count_effect(effect, within)} and {@code session.touched(pattern)} read the {@link SessionHistory}
 * snapshot the caller passed in. Pure: the snapshot carries its own "now".
 */
final class SessionFunctions {

    private SessionFunctions() {
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("session_count", List.of(SessionHistory.class, Collection.class, Object.class),
                        args -> ((SessionHistory) args[0]).count(strings((Collection<?>) args[1]), duration(args[2]))),
                CelFunctionBinding.from("session_count_effect", List.of(SessionHistory.class, String.class, Object.class),
                        args -> ((SessionHistory) args[0]).countEffect((String) args[1], duration(args[2]))),
                CelFunctionBinding.from("session_touched", SessionHistory.class, String.class, SessionHistory::touched));
    }

    private static List<String> strings(Collection<?> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    /** CEL hands durations over as protobuf or java.time values depending on its options; accept both. */
    private static Duration duration(Object value) {
        if (value instanceof Duration d) {
            return d;
        }
        if (value instanceof com.google.protobuf.Duration p) {
            return Duration.ofSeconds(p.getSeconds(), p.getNanos());
        }
        throw new IllegalArgumentException("expected a duration, got " + value);
    }
}
