package dev.interlock.analysis.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** The parser's guarantees on any input: no exception, bounded nesting, honest spans, quoting-independent words. */
class ShellParserPropertiesTest {

    private static final List<String> FRAGMENTS = List.of("echo", "rm", " ", " ", "x", "-rf", "/", "'", "\"", "\\",
            "\\\n", "\n", "\t", ";", "&", "&&", "|", "||", "|&", "!", "(", ")", "{ ", " }", "$(", "`", "${", "}",
            "$((", "))", "((", "$x", "$1", "$'\\x41'", "$\"", "<(", ">(", ">", ">>", "2>&1", "<", "<<EOF\n", "<<-'E'\n",
            "\nEOF\n", "\n\tE\n", "<<<", "#", "if ", "then ", "elif ", "else ", "fi", "for x in a b; do ", "for ((",
            "while ", "until ", "do ", "done", "case $x in ", "a|b)", ";;", ";&", "esac", "[[ ", " ]]", "function f ",
            "f() ", "a=(", "FOO=1 ", "time ", "*", "~", "=", "\u0000", "é");

    @Property(tries = 300)
    void randomTextNeverThrows(@ForAll @StringLength(max = 300) String text) {
        checkInvariants(text);
    }

    @Property(tries = 300)
    void randomShellishTextNeverThrows(@ForAll("shellish") String text) {
        checkInvariants(text);
    }

    @Provide
    Arbitrary<String> shellish() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Property(tries = 200)
    void wordsMeanTheSameWhateverTheQuoting(@ForAll("quotedCommands") List<String[]> words) {
        String source = String.join(" ", words.stream().map(w -> w[1]).toList());
        Script script = ShellParser.parse(source);
        assertThat(script.problems()).as(source).isEmpty();
        assertThat(script.commands()).hasSize(1);
        Command.Simple simple = (Command.Simple) script.commands().getFirst();
        assertThat(simple.assignments()).isEmpty();
        assertThat(simple.words()).extracting(w -> w.literal().orElse("<dynamic>"))
                .containsExactlyElementsOf(words.stream().map(w -> w[0]).toList());
    }

    /** Pairs of (value, value quoted in one of four styles). */
    @Provide
    Arbitrary<List<String[]>> quotedCommands() {
        Arbitrary<String> value = Arbitraries.strings()
                .withChars("abcxyz019 -_./=*?$;|&<>(){}[]#~!'\"\\`\té\u0000").ofMaxLength(12);
        Arbitrary<Integer> style = Arbitraries.integers().between(0, 3);
        return Combinators.combine(value, style).as((v, s) -> new String[] {v, quote(v, s)}).list().ofMinSize(1)
                .ofMaxSize(8);
    }

    private static String quote(String value, int style) {
        StringBuilder out = new StringBuilder();
        switch (style) {
            case 0 -> out.append('\'').append(value.replace("'", "'\\''")).append('\'');
            case 1 -> {
                out.append('"');
                for (char c : value.toCharArray()) {
                    if ("\"\\$`".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append('"');
            }
            case 2 -> {
                for (char c : value.toCharArray()) {
                    out.append('\\').append(c);
                }
                if (value.isEmpty()) {
                    out.append("\"\"");
                }
            }
            default -> {
                out.append("$'");
                for (char c : value.toCharArray()) {
                    out.append(c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                }
                out.append('\'');
            }
        }
        return out.toString();
    }

    @Example
    void deepNestingEndsIncompleteWithoutStackOverflow() throws InterruptedException {
        for (String opener : List.of("$(", "(", "{ ", "${", "\"$(", "$((", "<(", "if ", "while ", "function f ",
                "case x in a) ", "a=($(", "${x:-$(", "f() { ", "[[ $(", "for x in $(")) {
            String text = opener.repeat(10_000) + "x";
            Script script = onDefaultStack(text);
            assertThat(script.complete()).as(opener).isFalse();
            assertThat(script.problems()).as(opener).isNotEmpty();
        }
        assertThat(onDefaultStack("(".repeat(10_000)).problems())
                .anyMatch(p -> p.startsWith("nesting deeper than 64"));
    }

    @Example
    void aMebibyteOfShellParses() throws InterruptedException {
        String line = "FOO=1 kubectl get pods -n \"$NS\" | grep -v 'Running' > /tmp/out.$$ 2>&1 && echo $(date) # c\n";
        String text = line.repeat((1 << 20) / line.length());
        Script whole = ShellParser.parse(text, new ShellParser.Limits(64, 1 << 20, 1 << 20));
        assertThat(whole.complete()).isTrue();
        assertThat(whole.commands()).hasSize((1 << 20) / line.length());
        // The default word limit stops far earlier, and says so: what was not parsed is never taken as harmless.
        Script bounded = onDefaultStack(text);
        assertThat(bounded.complete()).isFalse();
        assertThat(bounded.problems()).anyMatch(p -> p.startsWith("more than 100000 words"));
    }

    @Example
    void aMebibyteOfNoiseEnds() throws InterruptedException {
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder();
        while (text.length() < (1 << 20) - 16) {
            text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        assertThat(onDefaultStack(text.toString())).isNotNull();
    }

    /** Parses on a fresh thread with the JVM's default stack size, as a server worker would. */
    private static Script onDefaultStack(String text) throws InterruptedException {
        AtomicReference<Script> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(ShellParser.parse(text));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        assertThat(failure.get()).isNull();
        checkTree(text, result.get());
        return result.get();
    }

    private static void checkInvariants(String text) {
        Script script = ShellParser.parse(text);
        checkTree(text, script);
    }

    private static void checkTree(String text, Script script) {
        assertThat(script).isNotNull();
        assertThat(script.complete()).isEqualTo(script.problems().isEmpty());
        assertThat(script.problems()).noneMatch(p -> p.startsWith("parser failure"));
        List<Span> spans = new ArrayList<>();
        Trees.walk(script, c -> spans.add(c.span()), w -> {
            spans.add(w.span());
            assertThat(w.raw()).isEqualTo(text.substring(w.span().start(), w.span().end()));
        });
        assertThat(spans).allSatisfy(s -> assertThat(s.start()).isBetween(0, s.end()))
                .allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(text.length()));
    }
}
