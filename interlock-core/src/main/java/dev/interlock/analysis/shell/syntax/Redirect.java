package dev.interlock.analysis.shell.syntax;

import java.util.Optional;

/**
 * A redirection. {@code operator} is one of {@code < > >> >| <> >& <& &> &>> << <<- <<<}. {@code fd} is the explicit
 * descriptor number or -1. For heredocs, {@code target} is the delimiter word and {@code heredoc} holds the body;
 * for here-strings ({@code <<<}) {@code target} is the string.
 */
public record Redirect(int fd, String operator, Word target, Optional<HereDoc> heredoc, Span span) {

    /** A heredoc body; {@code expands} is false when the delimiter was quoted (no expansions happen in the body). */
    public record HereDoc(String body, boolean expands, Span bodySpan) {
    }
}
