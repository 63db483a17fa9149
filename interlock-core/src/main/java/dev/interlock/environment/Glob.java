package dev.interlock.environment;

import java.util.regex.Pattern;

/** An inventory pattern: {@code *} matches any run of characters (slashes too), {@code ?} one; case-insensitive. */
record Glob(String text, Pattern pattern) {

    static Glob of(String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(text, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
    }

    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }
}
