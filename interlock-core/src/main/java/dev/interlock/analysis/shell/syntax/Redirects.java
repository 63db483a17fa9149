package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads redirections, registering heredocs so their bodies are read after the next newline token. */
final class Redirects {

    /** Longest first, so {@code <<<} is not read as {@code <<} then {@code <}. */
    private static final List<String> OPERATORS =
            List.of("<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">|", ">&", ">", "&>>", "&>");

    private final Cursor in;
    private final Words words;

    Redirects(Cursor in, Words words) {
        this.in = in;
        this.words = words;
    }

    /** True when a redirection (with an optional descriptor number) starts at the cursor. */
    boolean ahead() {
        if (in.ctx.halted()) {
            return false;
        }
        String s = in.src;
        int i = in.pos;
        while (i < in.end && i - in.pos < 5 && isDigit(s.charAt(i))) {
            i++;
        }
        if (i >= in.end || isDigit(s.charAt(i))) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '<' || c == '>') {
            return !(i + 1 < in.end && s.charAt(i + 1) == '(');
        }
        return i == in.pos && c == '&' && i + 1 < in.end && s.charAt(i + 1) == '>';
    }

    /** ASCII only: bash reads other digits as part of a word. */
    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Redirections after a compound command. */
    List<Redirect> trailing() {
        List<Redirect> out = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            if (!ahead()) {
                return out;
            }
            out.add(read());
        }
    }

    Redirect read() {
        int start = in.pos;
        int fd = -1;
        while (isDigit(in.peek())) {
            in.pos++;
        }
        if (in.pos > start) {
            fd = Integer.parseInt(in.src.substring(start, in.pos));
        }
        int operatorAt = in.pos;
        String op = OPERATORS.stream().filter(in::startsWith).findFirst().orElse(">");
        in.advance(op.length());
        in.skipBlanks();
        int targetAt = in.pos;
        Word target = words.ends(in.peek()) ? null : words.read(Words.Mode.NORMAL);
        if (target == null) {
            in.ctx.problem("redirection " + op + " without a target at offset " + in.orig(start));
            target = words.empty();
        }
        Optional<Redirect.HereDoc> body = Optional.empty();
        if ((op.equals("<<") || op.equals("<<-")) && !target.raw().isEmpty()) {
            String written = in.src.substring(targetAt, in.pos);
            boolean expands = written.chars().noneMatch(c -> c == '\'' || c == '"' || c == '\\');
            int key = in.orig(operatorAt);
            in.pending.add(new HereDocs.Pending(key, Scan.delimiter(written), op.equals("<<-"), expands));
            in.ctx.sawHeredoc = true;
            body = Optional.ofNullable(in.ctx.knownBodies.get(key));
        }
        return new Redirect(fd, op, target, body, in.span(start, in.lastEnd));
    }
}
