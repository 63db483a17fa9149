package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive descent over lists, and-or lists, pipelines and simple commands; compound commands are in {@link Compounds}. */
final class Parser {

    /** Where a list ends: at one of {@code words} in command position, at {@code )}, or at {@code ;;}/{@code ;&}. */
    record Stop(Set<String> words, boolean paren, boolean caseItem) {
        static Stop at(String... words) {
            return new Stop(Set.of(words), false, false);
        }
    }

    static final Stop TOP = new Stop(Set.of(), false, false);
    static final Stop PAREN = new Stop(Set.of(), true, false);
    /** Builtins whose arguments may be array assignments, which bash then parses like assignments. */
    private static final Set<String> DECLARERS = Set.of("declare", "typeset", "local", "export", "readonly");
    private static final Set<String> CLOSERS = Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}");

    final Cursor in;
    final ParseContext ctx;
    final Words words;
    final Redirects redirects;
    private final Assignments assignments;
    private final Compounds compounds;

    Parser(Cursor in) {
        this.in = in;
        this.ctx = in.ctx;
        this.words = new Words(in, this);
        in.words = words;
        this.redirects = new Redirects(in, words);
        this.assignments = new Assignments(in, words);
        this.compounds = new Compounds(this);
    }

    static Script top(ParseContext ctx) {
        Parser p = new Parser(new Cursor(ctx, ctx.source, null));
        Script script = p.list(TOP);
        p.checkPendingHeredocs();
        return new Script(script.commands(), ctx.problems, ctx.problems.isEmpty(), new Span(0, ctx.source.length()));
    }

    /** A backtick body, unescaped into {@code text}; {@code map} gives each character's original offset. */
    static Script inner(ParseContext ctx, String text, int[] map) {
        Parser p = new Parser(new Cursor(ctx, text, map));
        Script script = p.list(TOP);
        p.checkPendingHeredocs();
        return script;
    }

    private void checkPendingHeredocs() {
        for (HereDocs.Pending pending : in.pending) {
            ctx.problem("heredoc delimited by '" + pending.delimiter() + "' at offset " + pending.operator()
                    + " has no body");
        }
    }

    Script list(Stop stop) {
        int start = in.pos;
        int problemsBefore = ctx.problems.size();
        List<Command> commands = new ArrayList<>();
        while (true) {
            int before = in.pos;
            in.skipLinebreaks();
            if (in.atEnd() || atStop(stop)) {
                break;
            }
            Command command = skipStray(stop) ? null : andOr();
            if (command != null) {
                in.skipBlanks();
                int c = in.peek();
                if (c == '&' && in.peek(1) != '&') {
                    in.advance(1);
                    command = new Command.Background(command, new Span(command.span().start(), in.orig(in.pos - 1) + 1));
                } else if (c == ';' && in.peek(1) != ';' && in.peek(1) != '&') {
                    in.advance(1);
                } else if (c == '\n') {
                    in.newline();
                } else if (!in.atEnd() && !atStop(stop)) {
                    // `(ls) rm x` is a syntax error in bash: nothing runs, so the parse must not look complete.
                    ctx.problem("expected ';', '&' or a newline before '" + (char) c + "' at offset " + in.orig(in.pos));
                }
                commands.add(command);
            }
            if (in.pos == before && !in.atEnd()) {
                // Nothing could be read here; step over it so every input ends.
                ctx.problem("unexpected '" + (char) in.peek() + "' at offset " + in.orig(in.pos));
                in.advance(1);
            }
        }
        int problems = ctx.problems.size();
        return new Script(commands, List.copyOf(ctx.problems.subList(problemsBefore, problems)),
                problems == problemsBefore, in.span(start, Math.max(start, in.lastEnd)));
    }

    private boolean atStop(Stop stop) {
        int c = in.peek();
        if (c == ')' && stop.paren()) {
            return true;
        }
        if (stop.caseItem() && (in.startsWith(";;") || in.startsWith(";&"))) {
            return true;
        }
        String reserved = in.peekReserved();
        return reserved != null && stop.words().contains(reserved);
    }

    /** Steps over a token that cannot start a command here, recording a problem; false when there is none. */
    private boolean skipStray(Stop stop) {
        String reserved = in.peekReserved();
        String token = null;
        if (isCloser(reserved) && !stop.words().contains(reserved)) {
            token = reserved;
        } else {
            for (String op : List.of(";;&", ";;", ";&", "&&", "||", "|&", ";", "&", "|", ")")) {
                if (in.startsWith(op) && !(op.equals("&") && in.peek(1) == '>')) {
                    token = op;
                    break;
                }
            }
        }
        if (token == null) {
            return false;
        }
        ctx.problem("unexpected '" + token + "' at offset " + in.orig(in.pos));
        in.advance(token.length());
        return true;
    }

    private Command andOr() {
        Command first = pipeline();
        if (first == null) {
            return null;
        }
        List<Command> items = new ArrayList<>(List.of(first));
        List<String> operators = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            String op = in.startsWith("&&") ? "&&" : in.startsWith("||") ? "||" : null;
            if (op == null) {
                break;
            }
            int at = in.pos;
            in.advance(2);
            in.skipLinebreaks();
            Command next = pipeline();
            if (next == null) {
                ctx.problem("expected a command after " + op + " at offset " + in.orig(at));
                break;
            }
            items.add(next);
            operators.add(op);
        }
        if (items.size() == 1) {
            return first;
        }
        return new Command.AndOr(items, operators, new Span(first.span().start(), items.getLast().span().end()));
    }

    private Command pipeline() {
        in.skipBlanks();
        int start = in.pos;
        boolean negated = false;
        while (true) {
            String reserved = in.peekReserved();
            if ("!".equals(reserved)) {
                negated = !negated;
                in.advance(1);
            } else if ("time".equals(reserved)) {
                in.advance(4);
                in.skipBlanks();
                if (in.startsWith("-p") && (in.peek(2) < 0 || Cursor.isMeta(in.peek(2)))) {
                    in.advance(2);
                }
            } else {
                break;
            }
            in.skipBlanks();
        }
        Command first = command();
        if (first == null) {
            if (in.pos > start) {
                ctx.problem("expected a command at offset " + in.orig(in.pos));
            }
            return null;
        }
        List<Command> stages = new ArrayList<>(List.of(first));
        while (true) {
            in.skipBlanks();
            if (in.peek() != '|' || in.peek(1) == '|') {
                break;
            }
            int at = in.pos;
            in.advance(in.peek(1) == '&' ? 2 : 1);
            in.skipLinebreaks();
            Command next = command();
            if (next == null) {
                ctx.problem("expected a command after | at offset " + in.orig(at));
                break;
            }
            stages.add(next);
        }
        if (stages.size() == 1 && !negated) {
            return first;
        }
        return new Command.Pipeline(stages, negated, new Span(in.orig(start), stages.getLast().span().end()));
    }

    /** One command; null when the cursor is at an operator or the end. */
    Command command() {
        in.skipBlanks();
        if (in.atEnd()) {
            return null;
        }
        Command compound = compounds.parse();
        if (compound != null) {
            return compound;
        }
        int c = in.peek();
        if (c == '\n' || c == ';' || c == '|' || c == ')' || c == '(' || (c == '&' && in.peek(1) != '>')
                || isCloser(in.peekReserved())) {
            return null;
        }
        return simple();
    }

    private static boolean isCloser(String reserved) {
        return reserved != null && CLOSERS.contains(reserved);
    }

    private Command simple() {
        int start = in.pos;
        List<Assignment> assigned = new ArrayList<>();
        List<Word> argv = new ArrayList<>();
        List<Redirect> redirs = new ArrayList<>();
        while (true) {
            in.skipBlanks();
            if (in.atEnd()) {
                break;
            }
            if (redirects.ahead()) {
                redirs.add(redirects.read());
                continue;
            }
            if (in.peek() == '(') {
                if (argv.size() == 1 && assigned.isEmpty() && redirs.isEmpty()) {
                    return compounds.functionAfterName(start, argv.getFirst());
                }
                ctx.problem("unexpected '(' at offset " + in.orig(in.pos));
                break;
            }
            if (!argv.isEmpty() && DECLARERS.contains(argv.getFirst().literal().orElse("")) && assignments.arrayAhead()) {
                argv.add(assignments.arrayArgument());
                continue;
            }
            if (argv.isEmpty()) {
                switch (assignments.read()) {
                    case Assignment a -> {
                        assigned.add(a);
                        continue;
                    }
                    case Word w -> {
                        argv.add(w);
                        continue;
                    }
                    case null, default -> {
                    }
                }
            }
            Word w = words.ends(in.peek()) ? null : words.read(Words.Mode.NORMAL);
            if (w == null) {
                break;
            }
            argv.add(w);
        }
        if (assigned.isEmpty() && argv.isEmpty() && redirs.isEmpty()) {
            return null;
        }
        return new Command.Simple(assigned, argv, redirs, in.span(start, in.lastEnd));
    }

    /** Consumes the reserved word {@code word} or records that it is missing. */
    void expect(String word, String opener, int openedAt) {
        in.skipLinebreaks();
        if (in.atReserved(word)) {
            in.advance(word.length());
        } else if (!ctx.halted()) {
            ctx.problem("expected '" + word + "' to close '" + opener + "' at offset " + in.orig(openedAt)
                    + (in.atEnd() ? "" : ", found '" + (char) in.peek() + "' at offset " + in.orig(in.pos)));
        }
    }
}
