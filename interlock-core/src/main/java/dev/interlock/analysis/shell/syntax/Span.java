package dev.interlock.analysis.shell.syntax;

/** Character offsets [start, end) into the parsed source. */
public record Span(int start, int end) {
}
