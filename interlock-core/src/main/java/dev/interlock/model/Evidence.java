package dev.interlock.model;

/**
 * The part of the input that produced an operation: {@code text} is what a human reads in an explanation;
 * {@code start}/{@code end} are character offsets into the request's payload text ({@code -1} when the input was not text).
 */
public record Evidence(String text, int start, int end) {
    public static final Evidence NONE = new Evidence("", -1, -1);

    public Evidence {
        text = text == null ? "" : text;
    }

    public static Evidence of(String input, int start, int end) {
        int s = Math.max(0, Math.min(start, input.length()));
        int e = Math.max(s, Math.min(end, input.length()));
        return new Evidence(input.substring(s, e), s, e);
    }

    public static Evidence text(String text) {
        return new Evidence(text, -1, -1);
    }
}
