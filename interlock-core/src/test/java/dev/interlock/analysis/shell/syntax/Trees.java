package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks parsed trees in tests: every command and word, substitutions included. */
final class Trees {

    private Trees() {
    }

    static List<Command> commands(Script script) {
        List<Command> out = new ArrayList<>();
        walk(script, out::add, w -> { });
        return out;
    }

    static List<Word> words(Script script) {
        List<Word> out = new ArrayList<>();
        walk(script, c -> { }, out::add);
        return out;
    }

    static List<Command.Simple> simples(Script script) {
        return commands(script).stream().filter(Command.Simple.class::isInstance).map(Command.Simple.class::cast).toList();
    }

    static void walk(Script script, Consumer<Command> onCommand, Consumer<Word> onWord) {
        for (Command c : script.commands()) {
            walk(c, onCommand, onWord);
        }
    }

    private static void walk(Command command, Consumer<Command> onCommand, Consumer<Word> onWord) {
        onCommand.accept(command);
        switch (command) {
            case Command.Simple s -> {
                s.assignments().forEach(a -> word(a.value(), onCommand, onWord));
                s.words().forEach(w -> word(w, onCommand, onWord));
                redirects(s.redirects(), onCommand, onWord);
            }
            case Command.Pipeline p -> p.stages().forEach(c -> walk(c, onCommand, onWord));
            case Command.AndOr a -> a.items().forEach(c -> walk(c, onCommand, onWord));
            case Command.Background b -> walk(b.command(), onCommand, onWord);
            case Command.Subshell s -> {
                walk(s.body(), onCommand, onWord);
                redirects(s.redirects(), onCommand, onWord);
            }
            case Command.Group g -> {
                walk(g.body(), onCommand, onWord);
                redirects(g.redirects(), onCommand, onWord);
            }
            case Command.If i -> {
                i.conditions().forEach(s -> walk(s, onCommand, onWord));
                i.bodies().forEach(s -> walk(s, onCommand, onWord));
                i.elseBody().ifPresent(s -> walk(s, onCommand, onWord));
                redirects(i.redirects(), onCommand, onWord);
            }
            case Command.Loop l -> {
                l.condition().ifPresent(s -> walk(s, onCommand, onWord));
                l.items().forEach(w -> word(w, onCommand, onWord));
                walk(l.body(), onCommand, onWord);
                redirects(l.redirects(), onCommand, onWord);
            }
            case Command.Case c -> {
                word(c.subject(), onCommand, onWord);
                c.patterns().forEach(ps -> ps.forEach(w -> word(w, onCommand, onWord)));
                c.bodies().forEach(s -> walk(s, onCommand, onWord));
                redirects(c.redirects(), onCommand, onWord);
            }
            case Command.Function f -> walk(f.body(), onCommand, onWord);
            case Command.Test t -> t.words().forEach(w -> word(w, onCommand, onWord));
        }
    }

    private static void redirects(List<Redirect> redirects, Consumer<Command> onCommand, Consumer<Word> onWord) {
        redirects.forEach(r -> word(r.target(), onCommand, onWord));
    }

    private static void word(Word word, Consumer<Command> onCommand, Consumer<Word> onWord) {
        onWord.accept(word);
        for (WordPart part : word.parts()) {
            switch (part) {
                case WordPart.CommandSubstitution s -> walk(s.script(), onCommand, onWord);
                case WordPart.ProcessSubstitution s -> walk(s.script(), onCommand, onWord);
                default -> {
                }
            }
        }
    }
}
