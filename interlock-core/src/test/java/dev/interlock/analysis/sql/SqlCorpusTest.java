package dev.interlock.analysis.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.model.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs corpus/sql-statements.tsv: each line is a dialect, the expected operations and a statement. */
class SqlCorpusTest {

    record Case(int line, String dialect, List<String> expected, String sql) {}

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Case> cases = load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(120);
        return cases.stream().map(c -> DynamicTest.dynamicTest("line " + c.line() + ": " + c.sql(), () -> check(c)));
    }

    private static void check(Case c) {
        List<Operation> ops = SqlAnalyzer.analyze(c.sql(), c.dialect().equals("any") ? "" : c.dialect());
        List<String> actual = ops.stream().map(SqlCorpusTest::describe).toList();
        assertThat(actual).as("%s (%s) -> %s", c.sql(), c.dialect(), ops).hasSameSizeAs(c.expected());
        for (int i = 0; i < actual.size(); i++) {
            String[] want = c.expected().get(i).split("/");
            String[] got = actual.get(i).split("/");
            for (int k = 0; k < want.length; k++) {
                if (!want[k].equals("*")) {
                    assertThat(got[k]).as("operation %d of %s -> %s", i, c.sql(), ops.get(i)).isEqualTo(want[k]);
                }
            }
        }
    }

    private static String describe(Operation op) {
        return (op.verb() + "/" + op.scope() + "/" + op.confidence()).toLowerCase(Locale.ROOT);
    }

    private static List<Case> load() throws IOException {
        try (InputStream in = SqlCorpusTest.class.getResourceAsStream("/corpus/sql-statements.tsv")) {
            assertThat(in).as("corpus/sql-statements.tsv on the test classpath").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 3);
                assertThat(cols).as("line %d needs three tab-separated columns", i + 1).hasSize(3);
                cases.add(new Case(i + 1, cols[0], List.of(cols[1].trim().split(" +")), unescape(cols[2])));
            }
            return cases;
        }
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }
}
