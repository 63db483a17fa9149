package dev.interlock.analysis.shell.syntax;

import java.util.List;
import java.util.Optional;

/**
 * A redirection. {@code operator} is one of {@code < > >> >| <> >& <& &> &>> << <<- <<<}. {@code fd} is the explicit
 * descriptor number or -1. For heredocs, {@code target} is the delimiter word and {@code heredoc} holds the body;
 * for here-strings ({@code <<<}) {@code target} is the string.
 */
public record Redirect(int fd, String operator, Word target, Optional<HereDoc> heredoc, Span span) {

    /**
     * A heredoc body; {@code expands} is false when the delimiter was quoted (no expansions happen in the body).
     * {@code parts} is the body as the shell expands it: when it expands, literal text ({@link WordPart.Quoting#DOUBLE})
     * with the parameters and command substitutions that run when the heredoc is used; otherwise one
     * {@link WordPart.Quoting#SINGLE} literal. Parts are read from the source, so a {@code <<-} body keeps its tabs there.
     */
    public record HereDoc(String body, boolean expands, Span bodySpan, List<WordPart> parts) {
        public HereDoc {
            parts = List.copyOf(parts);
        }

        /** A body taken as plain text. */
        public HereDoc(String body, boolean expands, Span bodySpan) {
            this(body, expands, bodySpan, List.of(new WordPart.Literal(body,
                    expands ? WordPart.Quoting.DOUBLE : WordPart.Quoting.SINGLE)));
        }
    }
}
