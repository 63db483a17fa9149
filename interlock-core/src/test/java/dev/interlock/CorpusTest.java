package dev.interlock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.environment.AmbientContext;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import dev.interlock.policy.PolicyTestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Labelled cases decided by the real engine with the shipped policy and inventory: every {@code corpus/*.jsonl} under
 * the test resources (one file per recognizer family) and the public corpus in {@code ../shared/corpus}. The machine's
 * own kubeconfig and variables are not consulted: cases run as on a bare workstation. {@code -Dcorpus=NAME} runs one file.
 */
class CorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Interlock INTERLOCK = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();

    @TestFactory
    Stream<DynamicTest> everyLabelledCaseIsDecidedAsLabelled() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> own = Files.list(Path.of("src/test/resources/corpus"))) {
            own.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        files.add(sharedCorpus());
        String only = System.getProperty("corpus", "");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".jsonl", "");
            if (!only.isEmpty() && !only.equals(name)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode c = JSON.readTree(lines.get(i));
                String expect = c.path("expect").asText();
                String label = name + ":" + (i + 1) + " " + c.path("id").asText() + " [" + expect + "] "
                        + c.path("command").asText(c.path("statement").asText(c.path("tool").asText()));
                tests.add(DynamicTest.dynamicTest(label.length() > 200 ? label.substring(0, 200) : label, () -> {
                    Decision d = INTERLOCK.decide(RequestReader.read(c));
                    assertThat(PolicyTestResult.satisfies(expect, d.effect().wire()))
                            .as("expected %s, got %s: %s%n  rules: %s%n  operations: %s", expect, d.effect().wire(), d.summary(),
                                    d.rules(), d.operations())
                            .isTrue();
                }));
            }
        }
        assertThat(tests).as("corpus cases found").isNotEmpty();
        return tests.stream();
    }

    /** A case is named by its id in reports and reviews: two cases under one id in the project's corpus hide one of them. */
    @Test
    void everyCaseHasItsOwnId() throws IOException {
        Map<String, String> seen = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        try (Stream<Path> own = Files.list(Path.of("src/test/resources/corpus"))) {
            for (Path file : own.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        String id = JSON.readTree(line).path("id").asText();
                        String before = seen.putIfAbsent(id, file.getFileName().toString());
                        if (before != null) {
                            repeated.add(id + " (" + before + ", " + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(repeated).as("ids used twice").isEmpty();
    }

    /** ../shared/corpus/dcg-corpus.jsonl beside the checkout (CI and every machine of this kind have it). */
    static Path sharedCorpus() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus").resolve("dcg-corpus.jsonl");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("../shared/corpus/dcg-corpus.jsonl not found beside the checkout");
    }
}
