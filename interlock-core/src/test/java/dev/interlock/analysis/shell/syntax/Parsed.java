package dev.interlock.analysis.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.interlock.analysis.shell.syntax.Command.Simple;

/** Parsing helpers for the parser's tests. */
final class Parsed {

    private Parsed() {
    }

    static Script ok(String source) {
        Script script = ShellParser.parse(source);
        assertThat(script.problems()).as("problems parsing %s", source).isEmpty();
        assertThat(script.complete()).isTrue();
        return script;
    }

    static Simple simple(String source) {
        Script script = ok(source);
        assertThat(script.commands()).hasSize(1);
        return (Simple) script.commands().getFirst();
    }

    /** Literal values of the words, or their raw text when they hold expansions. */
    static List<String> values(List<Word> words) {
        return words.stream().map(w -> w.literal().orElse("<" + w.raw() + ">")).toList();
    }

    static List<String> argv(String source) {
        return values(simple(source).words());
    }
}
