package dev.interlock.analysis.shell.syntax;

/** {@code NAME=value} (also {@code NAME+=value}; array assignments keep their raw text as a literal value). */
public record Assignment(String name, Word value, Span span) {
}
