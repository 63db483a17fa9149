package dev.interlock.analysis.shell.syntax;

import static dev.interlock.analysis.shell.syntax.Parsed.argv;
import static dev.interlock.analysis.shell.syntax.Parsed.ok;
import static dev.interlock.analysis.shell.syntax.Parsed.simple;
import static dev.interlock.analysis.shell.syntax.Parsed.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.interlock.analysis.shell.syntax.Command.Simple;
import dev.interlock.analysis.shell.syntax.WordPart.Quoting;

/** Heredocs and here-strings: bodies are data, read after their line, yet expanding bodies still run substitutions. */
class ShellParserHeredocTest {

    @Test
    void heredocBodyIsData() {
        Script script = ok("cat <<EOF\nrm -rf /\nEOF\necho after");
        assertThat(script.commands()).hasSize(2);
        Redirect r = ((Simple) script.commands().getFirst()).redirects().getFirst();
        assertThat(r.operator()).isEqualTo("<<");
        assertThat(r.heredoc()).hasValueSatisfying(h -> {
            assertThat(h.body()).isEqualTo("rm -rf /\n");
            assertThat(h.expands()).isTrue();
            assertThat(h.bodySpan()).isEqualTo(new Span(10, 19));
        });
        assertThat(argv("cat <<'EOF'\n$x\nEOF")).containsExactly("cat");
        assertThat(((Simple) ok("cat <<'EOF'\n$x\nEOF").commands().getFirst()).redirects().getFirst().heredoc())
                .hasValueSatisfying(h -> assertThat(h.expands()).isFalse());
        assertThat(((Simple) ok("cat <<\"E F\"\nx\nE F\n").commands().getFirst()).redirects().getFirst().heredoc())
                .hasValueSatisfying(h -> assertThat(h.body()).isEqualTo("x\n"));
    }

    @Test
    void heredocVariants() {
        Script tabs = ok("cat <<-EOF\n\t\tindented\n\tEOF\necho x");
        assertThat(((Simple) tabs.commands().getFirst()).redirects().getFirst().heredoc().orElseThrow().body())
                .isEqualTo("indented\n");
        Script two = ok("cat <<A; cat <<B | wc\na1\nA\nb1\nB\nrm x");
        assertThat(two.commands()).hasSize(3);
        List<Simple> simples = Trees.simples(two);
        assertThat(simples.getFirst().redirects().getFirst().heredoc().orElseThrow().body()).isEqualTo("a1\n");
        assertThat(simples.get(1).redirects().getFirst().heredoc().orElseThrow().body()).isEqualTo("b1\n");
        assertThat(values(simples.getLast().words())).containsExactly("rm", "x");
        Script inSubst = ok("x=$(cat <<EOF\nhi )\nEOF\n); rm y");
        assertThat(Trees.simples(inSubst)).extracting(s -> values(s.words())).contains(List.of("rm", "y"));
        // a continued delimiter line still ends the body, so the next line is a command
        Script continued = ok("cat <<EOF\nEO\\\nF\nrm -rf /\n");
        assertThat(Trees.simples(continued)).extracting(s -> values(s.words())).contains(List.of("rm", "-rf", "/"));
    }

    @Test
    void expandingHeredocBodiesShowTheirSubstitutions() {
        String src = "cat <<EOF\nhello $USER $(rm -rf /)\nEOF\ncat <<'Q'\n$(id)\nQ\n";
        Script script = ok(src);
        Redirect.HereDoc expanding = ((Simple) script.commands().getFirst()).redirects().getFirst().heredoc().orElseThrow();
        assertThat(expanding.parts()).hasSize(5);
        assertThat(expanding.parts().get(1)).isEqualTo(new WordPart.Parameter("USER", "USER", true));
        var rm = (WordPart.CommandSubstitution) expanding.parts().get(3);
        Word rmWord = ((Simple) rm.script().commands().getFirst()).words().getFirst();
        assertThat(rmWord.span()).isEqualTo(new Span(24, 26));
        Redirect.HereDoc quoted = ((Simple) script.commands().get(1)).redirects().getFirst().heredoc().orElseThrow();
        assertThat(quoted.parts()).containsExactly(new WordPart.Literal("$(id)\n", Quoting.SINGLE));
        // a heredoc inside a substitution inside a heredoc body
        Script nested = ok("cat <<A\n$(cat <<B\ninner\nB\n)\nA\necho done");
        assertThat(nested.commands()).hasSize(2);
        var inner = (WordPart.CommandSubstitution) ((Simple) nested.commands().getFirst()).redirects().getFirst()
                .heredoc().orElseThrow().parts().getFirst();
        assertThat(((Simple) inner.script().commands().getFirst()).redirects().getFirst().heredoc())
                .hasValueSatisfying(h -> assertThat(h.body()).isEqualTo("inner\n"));
    }

    @Test
    void substitutionsReadOnlyTheirOwnHeredocs() {
        // checked against bash 5.2: the lines inside $( ) and <( ) are commands, the body follows the outer line
        for (String source : List.of("cat <<EOF $(true\nrm -rf /\nEOF\n)\nbody\nEOF\n",
                "cat <<EOF <(true\nrm -rf /\nEOF\n)\nbody\nEOF\n",
                "cat <<EOF \"$(true\nrm -rf /\nEOF\n)\"\nbody\nEOF\n")) {
            Script script = ok(source);
            assertThat(Trees.simples(script)).as(source)
                    .anySatisfy(s -> assertThat(values(s.words())).containsExactly("rm", "-rf", "/"));
            assertThat(((Simple) script.commands().getFirst()).redirects().getFirst().heredoc().orElseThrow().body())
                    .isEqualTo("body\n");
        }
        // a heredoc left open at ) takes its body after the outer line
        Script open = ok("echo $(cat <<EOF)\nbody\nEOF\necho after");
        assertThat(open.commands()).hasSize(2);
    }

    @Test
    void hereString() {
        Redirect r = simple("bash <<<'rm -rf x'").redirects().getFirst();
        assertThat(r.operator()).isEqualTo("<<<");
        assertThat(r.target().literal()).contains("rm -rf x");
    }

    @Test
    void unterminatedHeredocIsIncomplete() {
        Script script = ShellParser.parse("cat <<EOF\nrm -rf /\n");
        assertThat(script.complete()).isFalse();
        assertThat(script.problems()).anyMatch(p -> p.contains("EOF") && p.contains("offset 4"));
        assertThat(ShellParser.parse("cat <<EOF").complete()).isFalse();
    }
}
