package dev.interlock.environment;

import dev.interlock.model.GlobPattern;
import java.util.regex.Pattern;

/** An inventory pattern ({@link GlobPattern} syntax), case-insensitive. */
record Glob(String text, Pattern pattern) {

    static Glob of(String text) {
        return new Glob(text, GlobPattern.compile(text, true));
    }

    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }
}
