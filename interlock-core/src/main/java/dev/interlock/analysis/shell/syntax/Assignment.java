package dev.interlock.analysis.shell.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code NAME=value} (also {@code NAME+=value}). An array assignment {@code NAME=(…)} keeps its raw text as the value
 * and its words as {@code elements}, so that a later {@code "${NAME[@]}"} can be expanded; {@code append} is {@code +=}.
 */
public record Assignment(String name, Word value, Span span, Optional<List<Word>> elements, boolean append) {
    public Assignment {
        elements = elements.map(List::copyOf);
    }

    public Assignment(String name, Word value, Span span) {
        this(name, value, span, Optional.empty(), false);
    }
}
