package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the server judges must be what runs: a real POSIX shell splits the quoted line back into the same argv. */
class ShellQuoteTest {

    static final List<List<String>> TABLE = List.of(
            List.of("kubectl", "get", "pods"),
            List.of("echo", "two words", "  leading and trailing  "),
            List.of("echo", "it's", "\"double\"", "'", "''", "\\", "back\\slash"),
            List.of("echo", "$HOME", "${PATH}", "$(rm -rf /)", "`id`", "$'x'"),
            List.of("echo", "line\nbreak", "\n", "tab\there", "\r"),
            List.of("echo", "", "", "x"),
            List.of("echo", "naïve", "日本語", "emoji 🚀", "ü'ß"),
            List.of("echo", "*", "?", "[a]", "{a,b}", "~", "~/x", "#not-a-comment", "a#b"),
            List.of("echo", ";", "&&", "|", ">", "<", "&", "(", ")", "!"),
            List.of("echo", "--env=prod", "a=b", "%1", "-n"),
            List.of("A=b", "is", "a", "program"),
            List.of("if", "then"),
            List.of("%1"));

    @Test
    void safeWordsStayReadable() {
        assertThat(ShellQuote.join(List.of("kubectl", "delete", "deployment/api", "-n", "payments", "--context=prod-eu-1")))
                .isEqualTo("kubectl delete deployment/api -n payments --context=prod-eu-1");
        assertThat(ShellQuote.join(List.of("echo", "it's here", ""))).isEqualTo("echo 'it'\\''s here' ''");
        assertThat(ShellQuote.join(List.of("A=b", "c=d"))).isEqualTo("'A=b' c=d");
        assertThat(ShellQuote.join(List.of("if"))).isEqualTo("'if'");
    }

    @Test
    void theTableRoundTripsThroughARealShell() throws Exception {
        for (List<String> argv : TABLE) {
            assertThat(splitByShell(argv)).as(ShellQuote.join(argv)).isEqualTo(argv);
        }
    }

    /** A property over random words drawn mostly from the characters a shell treats specially. */
    @Test
    void randomArgvRoundTripsThroughARealShell() throws Exception {
        Random random = new Random(20250131);
        String alphabet = " \t\n'\"\\$`!#&*()[]{};:<>?|~=%^@,.-_/aZ0éü日🚀";
        int[] points = alphabet.codePoints().toArray();
        List<List<String>> cases = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            List<String> argv = new ArrayList<>();
            argv.add("x");
            for (int w = random.nextInt(5); w >= 0; w--) {
                StringBuilder word = new StringBuilder();
                for (int i = random.nextInt(8); i > 0; i--) {
                    word.appendCodePoint(points[random.nextInt(points.length)]);
                }
                argv.add(word.toString());
            }
            cases.add(argv);
        }
        // One shell run for all cases keeps the test fast: each case prints its words NUL-separated, then a marker.
        StringBuilder script = new StringBuilder("p() { shift; for a; do printf '%s\\0' \"$a\"; done; printf 'END\\0'; }\n");
        for (List<String> argv : cases) {
            script.append("p ").append(ShellQuote.join(argv)).append('\n');
        }
        List<String> words = Arrays.asList(sh(script.toString()).split("\0", -1));
        int at = 0;
        for (List<String> argv : cases) {
            int end = words.subList(at, words.size()).indexOf("END") + at;
            assertThat(words.subList(at, end)).as(ShellQuote.join(argv)).isEqualTo(argv.subList(1, argv.size()));
            at = end + 1;
        }
    }

    @Test
    void aQuotedFirstWordIsTheProgramNotAnAssignmentOrKeyword() throws Exception {
        for (String first : List.of("A=b", "if", "%1", "!")) {
            Process p = new ProcessBuilder("/bin/sh", "-c", ShellQuote.join(List.of(first))).start();
            p.getInputStream().readAllBytes();
            p.getErrorStream().readAllBytes();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(first + " must be looked up as a command (127), not run as syntax").isEqualTo(127);
        }
    }

    static List<String> splitByShell(List<String> argv) throws IOException, InterruptedException {
        String out = sh("for a in " + ShellQuote.join(argv) + "; do printf '%s\\0' \"$a\"; done\n");
        List<String> words = new ArrayList<>(Arrays.asList(out.split("\0", -1)));
        words.removeLast();
        return words;
    }

    static String sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return out;
    }
}
