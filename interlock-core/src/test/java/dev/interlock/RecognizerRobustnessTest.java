package dev.interlock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A recognizer that throws turns its command opaque: safe, but a read held for approval. Every shell command of the
 * corpus, with words bent into glob, regex and separator shapes ({@code .[]}, {@code [z-a]}, a lone {@code :}), must
 * be analyzed without any recognizer failing.
 */
class RecognizerRobustnessTest {

    private static final String[] ODD = {".[]", "[", "]", "[]]", "*[", "[!]", "[z-a]", "[a&&b]", "[^]", "(?", ".*", "\\",
            ":", "=", ",", "/", ".", "-", "--", "@{u}", "%s", "${x:-[}", "{1..3}", "[[:alpha:]]", "\\Q", "**/", "?(a|b)"};

    @Test
    void noRecognizerFailsOnOddWords() throws IOException {
        Interlock interlock = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(19);
        List<String> failures = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> own = Files.list(Path.of("src/test/resources/corpus"))) {
            files = own.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                JsonNode c = line.isBlank() ? null : json.readTree(line);
                if (c == null || !c.path("kind").asText().equals("shell")) {
                    continue;
                }
                String[] words = c.path("command").asText().split(" ");
                int at = random.nextInt(words.length);
                String odd = ODD[random.nextInt(ODD.length)];
                words[at] = random.nextBoolean() ? words[at] + odd : odd;
                String command = String.join(" ", words);
                Decision d = interlock.decide(new Request("fuzz", RequestKind.SHELL, new Payload.Shell(command),
                        new RequestContext(Optional.empty(), Optional.of("/home/dev/project"), Map.of("HOME", "/home/dev"), Optional.empty()),
                        Actor.UNKNOWN));
                if (d.summary().contains("recognizer failed")) {
                    failures.add(command + " -> " + d.summary());
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
