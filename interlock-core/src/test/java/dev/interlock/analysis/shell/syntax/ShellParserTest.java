package dev.interlock.analysis.shell.syntax;

import static dev.interlock.analysis.shell.syntax.Parsed.argv;
import static dev.interlock.analysis.shell.syntax.Parsed.ok;
import static dev.interlock.analysis.shell.syntax.Parsed.simple;
import static dev.interlock.analysis.shell.syntax.Parsed.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.interlock.analysis.shell.syntax.Command.Simple;
import dev.interlock.analysis.shell.syntax.WordPart.Quoting;

class ShellParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            g''it status              | git,status
            \\git push                | git,push
            "git" push                | git,push
            'g'"i"t push              | git,push
            $'\\x72\\x6d' -rf /       | rm,-rf,/
            $'\\162\\155' x           | rm,x
            $'\\u0072m' x             | rm,x
            $'a\\tb\\n\\e\\\\\\'\\"'  | ^a\tb\n\u001b\\'"^
            echo "a  b"   'c d'       | echo,a  b,c d
            echo "a\\"b\\$c\\d"       | echo,a"b$c\\d
            echo 'a\\b'               | echo,a\\b
            echo a\\ b                | echo,a b
            echo if then fi done      | echo,if,then,fi,done
            echo a#b                  | echo,a#b
            echo {a} '{' }            | echo,{a},{,}
            time ls -l                | ls,-l
            echo $"hi there"          | echo,hi there
            """)
    void wordsAfterQuoteRemoval(String source, String expected) {
        assertThat(argv(source)).containsExactly(expected.split(",", -1));
    }

    @Test
    void ansiCQuotingIsMarked() {
        Word w = simple("$'\\x72\\x6d'").words().getFirst();
        assertThat(w.parts()).containsExactly(new WordPart.Literal("rm", Quoting.ANSI_C));
        assertThat(w.raw()).isEqualTo("$'\\x72\\x6d'");
    }

    @Test
    void partsKeepTheirQuoting() {
        Word w = simple("a'b'\"c\"\\d$'e'").words().getFirst();
        assertThat(w.parts()).containsExactly(new WordPart.Literal("a", Quoting.NONE),
                new WordPart.Literal("b", Quoting.SINGLE), new WordPart.Literal("c", Quoting.DOUBLE),
                new WordPart.Literal("d", Quoting.ESCAPED), new WordPart.Literal("e", Quoting.ANSI_C));
    }

    @Test
    void globsOnlyWhenUnquoted() {
        assertThat(simple("rm *.log").words().get(1).glob()).isTrue();
        assertThat(simple("rm '*.log'").words().get(1).glob()).isFalse();
    }

    @Test
    void assignmentsOnlyBeforeTheCommandName() {
        Simple s = simple("FOO=1 BAR+=x rm -rf / BAZ=2");
        assertThat(s.assignments()).extracting(Assignment::name).containsExactly("FOO", "BAR");
        assertThat(s.assignments().getFirst().value().literal()).contains("1");
        assertThat(s.assignments().getFirst().span()).isEqualTo(new Span(0, 5));
        assertThat(values(s.words())).containsExactly("rm", "-rf", "/", "BAZ=2");
    }

    @Test
    void assignmentOnlyAndArrays() {
        Simple s = simple("a=(x 'y z') b= c[1]=2");
        assertThat(s.words()).isEmpty();
        assertThat(s.assignments()).extracting(Assignment::name).containsExactly("a", "b", "c[1]");
        assertThat(s.assignments().getFirst().value().literal()).contains("(x 'y z')");
        assertThat(s.assignments().get(1).value().literal()).contains("");
        // the array's words are kept for "${a[@]}"; a scalar has none
        assertThat(s.assignments().getFirst().elements().orElseThrow()).extracting(w -> w.literal().orElseThrow())
                .containsExactly("x", "y z");
        assertThat(s.assignments().get(1).elements()).isEmpty();
        assertThat(simple("a+=(z)").assignments().getFirst()).satisfies(a -> {
            assertThat(a.name()).isEqualTo("a");
            assertThat(a.append()).isTrue();
        });
    }

    @Test
    void arrayArgumentsOfDeclare() {
        Simple s = simple("declare -a xs=(a 'b c') ys+=(d)");
        assertThat(s.words()).extracting(Word::raw).containsExactly("declare", "-a", "xs=(a 'b c')", "ys+=(d)");
        assertThat(s.words().get(2).literal()).contains("xs=(a 'b c')");
        assertThat(Trees.simples(ok("local xs=($(rm -rf /))")))
                .anySatisfy(c -> assertThat(values(c.words())).containsExactly("rm", "-rf", "/"));
        assertThat(ShellParser.parse("echo xs=(a)").complete()).isFalse();
    }

    @Test
    void substitutionsInsideArraysParametersAndArithmeticAreKept() {
        for (String source : List.of("a=(x $(rm -rf /))", "echo ${X:-$(rm -rf /)}", "echo $(( $(rm -rf /) + 1 ))",
                "echo \"${X:-`rm -rf /`}\"")) {
            assertThat(Trees.simples(ok(source))).as(source)
                    .anySatisfy(s -> assertThat(values(s.words())).containsExactly("rm", "-rf", "/"));
        }
    }

    @Test
    void quoteBoundariesFollowBash() {
        // $'\c' ends at its quote, so the rm runs
        assertThat(Trees.simples(ok("echo $'\\c'; rm -rf / #'"))).hasSize(2);
        assertThat(argv("echo $'\\c'")).containsExactly("echo", "\\c");
        assertThat(argv("echo $'a\\cAb'")).containsExactly("echo", "a\u0001b");
        // in a double-quoted ${…}, single quotes hide braces and quotes but not substitutions
        assertThat(ok("echo \"${x:-'\"}'}\"; echo after").commands()).hasSize(2);
        assertThat(Trees.simples(ok("echo \"${x:-'$(rm -rf /)'}\"")))
                .anySatisfy(s -> assertThat(values(s.words())).containsExactly("rm", "-rf", "/"));
        assertThat(Trees.simples(ok("echo ${x:-'$(rm -rf /)'}"))).hasSize(1);
    }

    @Test
    void subscriptsBeforeTheCommandNameAreOneUnit() {
        // checked against bash 5.2: `a[ #] ; echo RAN` runs echo, as `a[ #]` is one word there
        Script script = ok("a[ #] ; rm -rf /");
        assertThat(script.commands()).hasSize(2);
        assertThat(((Simple) script.commands().getFirst()).words()).extracting(Word::raw).containsExactly("a[ #]");
        assertThat(argv("x=1 a[ ; b]c d")).containsExactly("a[ ; b]c", "d");
        assertThat(argv("echo a[ #]")).containsExactly("echo", "a[");
        Simple assignment = simple("a[$(rm -rf /)]=1 b[i + 1]+=2");
        assertThat(assignment.assignments()).extracting(Assignment::name).containsExactly("a[$(rm -rf /)]", "b[i + 1]");
        assertThat(assignment.words()).isEmpty();
        assertThat(Trees.simples(ok("a[$(rm -rf /)]=1")))
                .anySatisfy(s -> assertThat(values(s.words())).containsExactly("rm", "-rf", "/"));
        assertThat(ShellParser.parse("a[ x").complete()).isFalse();
    }

    @Test
    void parameters() {
        List<WordPart> parts = simple("echo $X ${Y:-d e} $1 $@ $? $$ ${#Z} \"$W\"").words().stream().skip(1)
                .map(w -> w.parts().getFirst()).toList();
        assertThat(parts).containsExactly(new WordPart.Parameter("X", "X", false),
                new WordPart.Parameter("Y", "Y:-d e", false), new WordPart.Parameter("1", "1", false),
                new WordPart.Parameter("@", "@", false), new WordPart.Parameter("?", "?", false),
                new WordPart.Parameter("$", "$", false), new WordPart.Parameter("Z", "#Z", false),
                new WordPart.Parameter("W", "W", true));
        assertThat(simple("echo $ a$").words().get(1).literal()).contains("$");
    }

    @Test
    void arithmetic() {
        assertThat(simple("echo $((1 + (2*3)))").words().get(1).parts())
                .containsExactly(new WordPart.Arithmetic("1 + (2*3)"));
        Command.Test t = (Command.Test) ok("(( i++ < 3 ))").commands().getFirst();
        assertThat(t.keyword()).isEqualTo("((");
        assertThat(values(t.words())).containsExactly("i++", "<", "3");
        // $(( that does not close as )) is a command substitution holding a subshell
        Simple s = simple("echo $((ls) | wc)");
        assertThat(s.words().get(1).parts().getFirst()).isInstanceOf(WordPart.CommandSubstitution.class);
    }

    @Test
    void doubleBracketTest() {
        Command.Test t = (Command.Test) ok("[[ -f $x && $y < z || ( a =~ ^b ) ]]").commands().getFirst();
        assertThat(t.keyword()).isEqualTo("[[");
        assertThat(t.words()).extracting(Word::raw)
                .containsExactly("-f", "$x", "&&", "$y", "<", "z", "||", "(", "a", "=~", "^b", ")");
    }

    @Test
    void commandSubstitutionSpansPointIntoTheOriginal() {
        String src = "echo $(ls $(pwd)) \"$(id -u)\"";
        Script script = ok(src);
        Simple outer = (Simple) script.commands().getFirst();
        assertThat(outer.words().get(1).span()).isEqualTo(new Span(5, 17));
        var inner = (WordPart.CommandSubstitution) outer.words().get(1).parts().getFirst();
        Simple ls = (Simple) inner.script().commands().getFirst();
        assertThat(ls.span()).isEqualTo(new Span(7, 16));
        var innermost = (WordPart.CommandSubstitution) ls.words().get(1).parts().getFirst();
        Word pwd = ((Simple) innermost.script().commands().getFirst()).words().getFirst();
        assertThat(pwd.span()).isEqualTo(new Span(12, 15));
        assertThat(pwd.raw()).isEqualTo("pwd");
        assertThat(Trees.words(script)).allSatisfy(w -> assertThat(src.substring(w.span().start(), w.span().end()))
                .isEqualTo(w.raw()));
    }

    @Test
    void backticksParseRecursivelyWithOriginalOffsets() {
        String src = "echo `rm -rf \\`pwd\\`` x";
        Script script = ok(src);
        List<Simple> simples = Trees.simples(script);
        assertThat(simples).hasSize(3);
        Simple rm = simples.get(1);
        assertThat(rm.words().getFirst().span()).isEqualTo(new Span(6, 8));
        Word pwd = simples.get(2).words().getFirst();
        assertThat(pwd.raw()).isEqualTo("pwd");
        assertThat(pwd.span()).isEqualTo(new Span(15, 18));
        assertThat(values(simples.getFirst().words()).getLast()).isEqualTo("x");
        assertThat(rm.words().getLast().raw()).isEqualTo("\\`pwd\\`");
        assertThat(argv("echo `echo \\$HOME`")).containsExactly("echo", "<`echo \\$HOME`>");
        Simple inner = Trees.simples(ok("echo `echo \\$HOME`")).get(1);
        assertThat(inner.words().get(1).parts()).containsExactly(new WordPart.Parameter("HOME", "HOME", false));
    }

    @Test
    void processSubstitution() {
        Simple s = simple("diff <(ls a) >(wc -l)");
        assertThat(s.redirects()).isEmpty();
        assertThat(s.words().get(1).parts().getFirst()).isInstanceOfSatisfying(WordPart.ProcessSubstitution.class,
                p -> assertThat(p.output()).isFalse());
        assertThat(s.words().get(2).parts().getFirst()).isInstanceOfSatisfying(WordPart.ProcessSubstitution.class,
                p -> assertThat(p.output()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '^', textBlock = """
            cmd > out          ; -1 ; >   ; out
            cmd 2>&1           ; 2  ; >&  ; 1
            cmd >> log         ; -1 ; >>  ; log
            cmd &> all         ; -1 ; &>  ; all
            cmd &>>all         ; -1 ; &>> ; all
            cmd 3<> f          ; 3  ; <>  ; f
            cmd >| f           ; -1 ; >|  ; f
            cmd <&0            ; -1 ; <&  ; 0
            cmd 0< in          ; 0  ; <   ; in
            """)
    void redirections(String source, int fd, String operator, String target) {
        Simple s = simple(source);
        assertThat(values(s.words())).containsExactly("cmd");
        Redirect r = s.redirects().getFirst();
        assertThat(r.fd()).isEqualTo(fd);
        assertThat(r.operator()).isEqualTo(operator);
        assertThat(r.target().literal()).contains(target);
    }

    @Test
    void listsPipelinesAndBackground() {
        Script script = ok("a | b |& c; ! d && e || f & g\nh");
        assertThat(script.commands()).hasSize(4);
        assertThat(script.commands().getFirst()).isInstanceOfSatisfying(Command.Pipeline.class,
                p -> assertThat(p.stages()).hasSize(3));
        Command.Background bg = (Command.Background) script.commands().get(1);
        assertThat(bg.span()).isEqualTo(new Span(12, 27));
        Command.AndOr andOr = (Command.AndOr) bg.command();
        assertThat(andOr.operators()).containsExactly("&&", "||");
        assertThat(andOr.items().getFirst()).isInstanceOfSatisfying(Command.Pipeline.class,
                p -> assertThat(p.negated()).isTrue());
        assertThat(ok("a &&\n b").commands()).hasSize(1);
    }

    @Test
    void subshellsAndGroups() {
        Script script = ok("(cd /tmp && rm x) > log; { echo a; echo b; } 2>/dev/null");
        assertThat(script.commands().getFirst()).isInstanceOfSatisfying(Command.Subshell.class, s -> {
            assertThat(s.body().commands()).hasSize(1);
            assertThat(s.redirects()).hasSize(1);
        });
        assertThat(script.commands().get(1)).isInstanceOfSatisfying(Command.Group.class,
                g -> assertThat(g.body().commands()).hasSize(2));
        assertThat(ShellParser.parse("{ echo a }").complete()).isFalse();
    }

    @Test
    void ifCommand() {
        Command.If c = (Command.If) ok("if test -f x; then rm x\nelif true; then :; else echo no; fi").commands()
                .getFirst();
        assertThat(c.conditions()).hasSize(2);
        assertThat(c.bodies()).hasSize(2);
        assertThat(c.elseBody()).isPresent();
    }

    @Test
    void loops() {
        Command.Loop f = (Command.Loop) ok("for f in *.txt do; do rm \"$f\"; done").commands().getFirst();
        assertThat(f.keyword()).isEqualTo("for");
        assertThat(f.variable()).isEqualTo("f");
        assertThat(values(f.items())).containsExactly("*.txt", "do");
        assertThat(f.body().commands()).hasSize(1);
        Command.Loop w = (Command.Loop) ok("while read l\ndo echo $l\ndone < in").commands().getFirst();
        assertThat(w.condition()).isPresent();
        assertThat(w.redirects()).hasSize(1);
        assertThat(((Command.Loop) ok("until false; do :; done").commands().getFirst()).keyword()).isEqualTo("until");
        Command.Loop c = (Command.Loop) ok("for ((i=0; i<3; i++)); do echo $i; done").commands().getFirst();
        assertThat(c.items()).extracting(Word::raw).containsExactly("i=0;", "i<3;", "i++");
        Command.Loop s = (Command.Loop) ok("select x in a b; do break; done").commands().getFirst();
        assertThat(s.keyword()).isEqualTo("select");
        assertThat(ok("for x; do :; done").commands()).hasSize(1);
    }

    @Test
    void caseCommand() {
        Command.Case c = (Command.Case) ok("case $1 in\n start|go) run ;;\n (stop) halt ;&\n *) other ;;& esac")
                .commands().getFirst();
        assertThat(c.patterns()).hasSize(3);
        assertThat(values(c.patterns().getFirst())).containsExactly("start", "go");
        assertThat(c.bodies()).hasSize(3);
        assertThat(ok("x=$(case a in a) echo y;; esac)").commands()).hasSize(1);
        assertThat(ok("case x in esac").commands()).hasSize(1);
    }

    @Test
    void functions() {
        Command.Function f = (Command.Function) ok("f() { rm -rf \"$1\"; }").commands().getFirst();
        assertThat(f.name()).isEqualTo("f");
        assertThat(f.body()).isInstanceOf(Command.Group.class);
        Command.Function g = (Command.Function) ok("function g {\n echo hi\n} > log").commands().getFirst();
        assertThat(g.name()).isEqualTo("g");
        assertThat(((Command.Group) g.body()).redirects()).hasSize(1);
        assertThat(((Command.Function) ok("function h() ( ls )").commands().getFirst()).body())
                .isInstanceOf(Command.Subshell.class);
    }

    @Test
    void commentsAndContinuations() {
        assertThat(argv("echo a # rm -rf /")).containsExactly("echo", "a");
        assertThat(ok("# only a comment\n").commands()).isEmpty();
        assertThat(argv("rm \\\n -rf \\\n /")).containsExactly("rm", "-rf", "/");
        assertThat(argv("r\\\nm x")).containsExactly("rm", "x");
        assertThat(argv("echo 'a\\\nb'")).containsExactly("echo", "a\\\nb");
        assertThat(argv("echo \"a\\\nb\"")).containsExactly("echo", "ab");
    }

    @Test
    void reservedWordsOnlyInCommandPosition() {
        assertThat(ok("FOO=1 if x").commands().getFirst()).isInstanceOf(Simple.class);
        assertThat(ok("{echo,a}").commands().getFirst()).isInstanceOf(Simple.class);
        assertThat(ok("echo a; if x; then y; fi").commands().get(1)).isInstanceOf(Command.If.class);
    }

    @Test
    void problemsNameTheOffsetAndKeepEarlierCommands() {
        Script script = ShellParser.parse("echo hi; echo 'oops");
        assertThat(script.complete()).isFalse();
        assertThat(script.problems()).anyMatch(p -> p.contains("unterminated single quote at offset 14"));
        assertThat(script.commands()).isNotEmpty();
        assertThat(values(((Simple) script.commands().getFirst()).words())).containsExactly("echo", "hi");
        for (String bad : List.of("echo \"x", "echo $(ls", "echo `ls", "echo ${x", "(ls", "if x; then y",
                "for x in a; do y", "case x in a) y", "echo )", "fi", "a && ", "| b", "echo $'x", "[[ -f x",
                "while true", "a=(b c", "f() x", "echo (", "(ls) rm x", "if a; then b; fi c", "{ a; } b", "a | fi", "a && done")) {
            Script s = ShellParser.parse(bad);
            assertThat(s.complete()).as(bad).isFalse();
            assertThat(s.problems()).as(bad).isNotEmpty();
        }
    }

    @Test
    void deepNestingIsReportedNotFollowed() {
        Script script = ShellParser.parse("echo " + "$(".repeat(100) + "x" + ")".repeat(100));
        assertThat(script.complete()).isFalse();
        assertThat(script.problems()).anyMatch(p -> p.startsWith("nesting deeper than 64 at offset"));
        Script shallow = ShellParser.parse("echo " + "$(".repeat(30) + "x" + ")".repeat(30));
        assertThat(shallow.complete()).isTrue();
        Script limited = ShellParser.parse("( ( ( a ) ) )", new ShellParser.Limits(2, 100, 100));
        assertThat(limited.complete()).isFalse();
        assertThat(ShellParser.parse("x".repeat(101), new ShellParser.Limits(2, 100, 100)).complete()).isFalse();
    }

    @Test
    void oddInputs() {
        assertThat(ShellParser.parse("").commands()).isEmpty();
        assertThat(ShellParser.parse("").complete()).isTrue();
        assertThat(ShellParser.parse(null).complete()).isTrue();
        assertThat(argv("echo a\u0000b")).containsExactly("echo", "a\u0000b");
        assertThat(ok("\n\n  \n").commands()).isEmpty();
        assertThat(ShellParser.parse(";").complete()).isFalse();
    }
}
