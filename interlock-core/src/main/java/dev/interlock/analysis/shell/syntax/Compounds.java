package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Compound commands: subshells, groups, if, loops, case, functions, {@code [[ ]]} and {@code (( ))}. */
final class Compounds {

    private final Parser parser;
    private final Cursor in;
    private final ParseContext ctx;

    Compounds(Parser parser) {
        this.parser = parser;
        this.in = parser.in;
        this.ctx = parser.ctx;
    }

    /** The compound command at the cursor, or null when a simple command starts here. */
    Command parse() {
        int start = in.pos;
        if (in.startsWith("((")) {
            int close = Scan.arithEnd(in.src, in.pos + 2, in.end);
            if (close >= 0) {
                return arithmetic(start, close);
            }
        }
        if (in.peek() == '(') {
            return nested(start, () -> subshell(start));
        }
        String keyword = in.peekReserved();
        if (keyword == null) {
            return null;
        }
        return switch (keyword) {
            case "{" -> nested(start, () -> group(start));
            case "if" -> nested(start, () -> ifCommand(start));
            case "for", "select" -> nested(start, () -> forLoop(start, keyword));
            case "while", "until" -> nested(start, () -> whileLoop(start, keyword));
            case "case" -> nested(start, () -> caseCommand(start));
            case "function" -> nested(start, () -> function(start));
            case "[[" -> test(start);
            default -> null;
        };
    }

    private Command nested(int start, Supplier<Command> body) {
        ctx.enter(in.orig(start));
        try {
            return body.get();
        } finally {
            ctx.leave();
        }
    }

    private Span span(int start) {
        return in.span(start, in.lastEnd);
    }

    private Command subshell(int start) {
        in.advance(1);
        Script body = parser.list(Parser.PAREN);
        if (in.peek() == ')') {
            in.advance(1);
        } else if (!ctx.halted()) {
            ctx.problem("unterminated ( at offset " + in.orig(start));
        }
        return new Command.Subshell(body, parser.redirects.trailing(), span(start));
    }

    private Command group(int start) {
        in.advance(1);
        Script body = parser.list(Parser.Stop.at("}"));
        parser.expect("}", "{", start);
        return new Command.Group(body, parser.redirects.trailing(), span(start));
    }

    private Command ifCommand(int start) {
        in.advance(2);
        List<Script> conditions = new ArrayList<>();
        List<Script> bodies = new ArrayList<>();
        Optional<Script> elseBody = Optional.empty();
        while (true) {
            conditions.add(parser.list(Parser.Stop.at("then")));
            parser.expect("then", "if", start);
            bodies.add(parser.list(Parser.Stop.at("elif", "else", "fi")));
            if (in.atReserved("elif")) {
                in.advance(4);
                continue;
            }
            if (in.atReserved("else")) {
                in.advance(4);
                elseBody = Optional.of(parser.list(Parser.Stop.at("fi")));
            }
            parser.expect("fi", "if", start);
            break;
        }
        return new Command.If(conditions, bodies, elseBody, parser.redirects.trailing(), span(start));
    }

    private Command forLoop(int start, String keyword) {
        in.advance(keyword.length());
        in.skipBlanks();
        String variable = "";
        List<Word> items = new ArrayList<>();
        if (keyword.equals("for") && in.startsWith("((")) {
            int close = Scan.arithEnd(in.src, in.pos + 2, in.end);
            if (close < 0) {
                ctx.halt("unterminated for (( at offset " + in.orig(start));
                return new Command.Loop(keyword, Optional.empty(), "", items, emptyScript(), List.of(), span(start));
            }
            items.addAll(parser.words.arithWords(in.pos + 2, close));
            in.advance(2);
            in.skipBlanks();
            if (in.peek() == ';') {
                in.advance(1);
            }
        } else {
            Word name = parser.words.ends(in.peek()) ? null : parser.words.read(Words.Mode.NORMAL);
            if (name == null) {
                ctx.problem("expected a variable name after " + keyword + " at offset " + in.orig(start));
            } else {
                variable = name.literal().orElse(name.raw());
            }
            in.skipLinebreaks();
            if (in.atReserved("in")) {
                in.advance(2);
                readItems(items);
            } else if (in.peek() == ';') {
                in.advance(1);
            }
        }
        in.skipLinebreaks();
        Script body = doBody(keyword, start);
        return new Command.Loop(keyword, Optional.empty(), variable, items, body, parser.redirects.trailing(),
                span(start));
    }

    /** The words after {@code in}, up to {@code ;} or a newline; reserved words are plain words here. */
    private void readItems(List<Word> items) {
        while (true) {
            in.skipBlanks();
            int c = in.peek();
            if (c == ';') {
                in.advance(1);
                return;
            }
            if (c == '\n') {
                in.newline();
                return;
            }
            Word w = parser.words.ends(c) ? null : parser.words.read(Words.Mode.NORMAL);
            if (w == null) {
                return;
            }
            items.add(w);
        }
    }

    private Script doBody(String keyword, int start) {
        parser.expect("do", keyword, start);
        Script body = parser.list(Parser.Stop.at("done"));
        parser.expect("done", keyword, start);
        return body;
    }

    private Command whileLoop(int start, String keyword) {
        in.advance(keyword.length());
        Script condition = parser.list(Parser.Stop.at("do"));
        Script body = doBody(keyword, start);
        return new Command.Loop(keyword, Optional.of(condition), "", List.of(), body, parser.redirects.trailing(),
                span(start));
    }

    private Command caseCommand(int start) {
        in.advance(4);
        in.skipBlanks();
        Word subject = parser.words.ends(in.peek()) ? null : parser.words.read(Words.Mode.NORMAL);
        if (subject == null) {
            ctx.problem("expected a word after case at offset " + in.orig(start));
            subject = parser.words.empty();
        }
        parser.expect("in", "case", start);
        List<List<Word>> patterns = new ArrayList<>();
        List<Script> bodies = new ArrayList<>();
        while (true) {
            in.skipLinebreaks();
            if (in.atReserved("esac")) {
                in.advance(4);
                break;
            }
            if (in.atEnd()) {
                if (!ctx.halted()) {
                    ctx.problem("expected 'esac' to close 'case' at offset " + in.orig(start));
                }
                break;
            }
            int itemAt = in.pos;
            List<Word> alternatives = patterns(itemAt);
            if (alternatives == null) {
                break;
            }
            patterns.add(alternatives);
            bodies.add(parser.list(new Parser.Stop(Set.of("esac"), false, true)));
            for (String end : List.of(";;&", ";;", ";&")) {
                if (in.startsWith(end)) {
                    in.advance(end.length());
                    break;
                }
            }
        }
        return new Command.Case(subject, patterns, bodies, parser.redirects.trailing(), span(start));
    }

    /** {@code [(] pat | pat )}; null (with a problem) when this is not a pattern list. */
    private List<Word> patterns(int itemAt) {
        if (in.peek() == '(') {
            in.advance(1);
        }
        List<Word> alternatives = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            Word w = parser.words.ends(in.peek()) ? null : parser.words.read(Words.Mode.NORMAL);
            if (w == null) {
                break;
            }
            alternatives.add(w);
            in.skipBlanks();
            if (in.peek() != '|') {
                break;
            }
            in.advance(1);
        }
        if (alternatives.isEmpty() || in.peek() != ')') {
            if (!ctx.halted()) {
                ctx.problem("expected a case pattern and ')' at offset " + in.orig(itemAt));
            }
            return null;
        }
        in.advance(1);
        return alternatives;
    }

    private Command function(int start) {
        in.advance(8);
        in.skipBlanks();
        Word name = parser.words.ends(in.peek()) ? null : parser.words.read(Words.Mode.NORMAL);
        if (name == null) {
            ctx.problem("expected a function name at offset " + in.orig(start));
            return new Command.Function("", emptyCommand(), span(start));
        }
        in.skipBlanks();
        if (in.peek() == '(') {
            int open = in.pos;
            in.advance(1);
            in.skipBlanks();
            if (in.peek() != ')') {
                ctx.problem("expected ')' after '(' at offset " + in.orig(open));
            } else {
                in.advance(1);
            }
        }
        return functionBody(start, name);
    }

    /** {@code name ( ) body}, entered with the cursor at {@code (}. */
    Command functionAfterName(int start, Word name) {
        int open = in.pos;
        in.advance(1);
        in.skipBlanks();
        if (in.peek() != ')') {
            ctx.problem("unexpected '(' at offset " + in.orig(open));
            return new Command.Simple(List.of(), List.of(name), List.of(), name.span());
        }
        in.advance(1);
        return nested(start, () -> functionBody(start, name));
    }

    private Command functionBody(int start, Word name) {
        in.skipLinebreaks();
        Command body = parse();
        if (body == null) {
            if (!ctx.halted()) {
                ctx.problem("expected a compound command as the body of function " + name.raw() + " at offset "
                        + in.orig(in.pos));
            }
            body = emptyCommand();
        }
        return new Command.Function(name.literal().orElse(name.raw()), body, span(start));
    }

    private Command test(int start) {
        in.advance(2);
        List<Word> words = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            if (in.peek() == '\n') {
                in.newline();
                continue;
            }
            if (in.atEnd()) {
                if (!ctx.halted()) {
                    ctx.problem("unterminated [[ at offset " + in.orig(start));
                }
                break;
            }
            if (in.startsWith("]]") && (in.peek(2) < 0 || Cursor.isMeta(in.peek(2)))) {
                in.advance(2);
                break;
            }
            int c = in.peek();
            if (parser.words.ends(c)) {
                // Inside [[ ]] these are operators of the test, not of the shell: keep them as words.
                int n = in.startsWith("&&") || in.startsWith("||") ? 2 : 1;
                int at = in.pos;
                in.advance(n);
                Span span = in.span(at, in.pos);
                String op = in.raw(span);
                words.add(new Word(List.of(new WordPart.Literal(op, WordPart.Quoting.NONE)), op, span));
                continue;
            }
            Word w = parser.words.read(Words.Mode.NORMAL);
            if (w == null) {
                break;
            }
            words.add(w);
        }
        return testEnd(new Command.Test("[[", words, span(start)), start);
    }

    private Command arithmetic(int start, int close) {
        List<Word> words = parser.words.arithWords(in.pos + 2, close);
        in.advance(2);
        return testEnd(new Command.Test("((", words, span(start)), start);
    }

    private Command testEnd(Command test, int start) {
        in.skipBlanks();
        if (parser.redirects.ahead()) {
            parser.redirects.trailing();
            ctx.problem("redirection after the test at offset " + in.orig(start) + " is not represented");
        }
        return test;
    }

    private Script emptyScript() {
        return new Script(List.of(), List.of(), true, in.span(in.pos, in.pos));
    }

    private Command emptyCommand() {
        return new Command.Simple(List.of(), List.of(), List.of(), in.span(in.pos, in.pos));
    }
}
