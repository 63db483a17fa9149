package dev.interlock.analysis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a pure function's answers, up to a bound: the same paths, names and statements come back in every command
 * of a session or a batch, and their regex tables or parsers cost microseconds each time. Past the bound it starts
 * over rather than track age — cheaper than an LRU, and a batch's working set is far smaller.
 */
public final class Memo<K, V> {

    private final ConcurrentHashMap<K, V> answers = new ConcurrentHashMap<>();
    private final int bound;
    private final Function<K, V> function;

    private Memo(int bound, Function<K, V> function) {
        this.bound = bound;
        this.function = function;
    }

    /** Answers {@link #get} by {@code function}. */
    public static <K, V> Memo<K, V> of(int bound, Function<K, V> function) {
        return new Memo<>(bound, function);
    }

    /** Remembers only what it is told ({@link #remember}): for answers that are not always worth keeping. */
    public static <K, V> Memo<K, V> bounded(int bound) {
        return new Memo<>(bound, k -> null);
    }

    public V get(K key) {
        V known = answers.get(key);
        if (known != null) {
            return known;
        }
        V answer = function.apply(key);
        if (answer != null) {
            remember(key, answer);
        }
        return answer;
    }

    public void remember(K key, V answer) {
        if (answers.size() >= bound) {
            answers.clear();
        }
        answers.put(key, answer);
    }
}
