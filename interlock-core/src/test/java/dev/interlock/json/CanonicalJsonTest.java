package dev.interlock.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The direct writer spells every value as Jackson does with sorted map entries: fingerprints stay what they were. */
class CanonicalJsonTest {

    private static final ObjectMapper SORTED = Json.MAPPER.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private static String jackson(Object value) throws Exception {
        // Trees anywhere in the value as plain maps and lists, so that their keys are sorted too.
        return SORTED.writeValueAsString(SORTED.convertValue(value, Object.class));
    }

    @Test
    void writesMapsListsAndScalarsAsJacksonDid() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", 1);
        nested.put("alpha", List.of("x", 2L, 3.5, true));
        nested.put("Beta", null);
        nested.put("émoji ✓", "line\nbreak \"quoted\" \u0001");
        nested.put("tree", Json.MAPPER.readTree("{\"b\":[1,2.25,{\"d\":null,\"c\":\"x\"}],\"a\":12345678901234,\"n\":-0.0}"));
        nested.put("big", new BigInteger("123456789012345678901234567890"));
        nested.put("empty", Map.of());
        Object[] values = {nested, List.of(), "plain", 7, 7L, 0.1, null, true, Map.of("k", List.of(Map.of("b", 1, "a", 2)))};
        for (Object v : values) {
            assertThat(CanonicalJson.write(v)).as("%s", v).isEqualTo(jackson(v));
        }
    }

    @Test
    void writesEveryCorpusRequestAsJacksonDid() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/corpus"))) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        List<JsonNode> requests = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) {
                    requests.add(Json.MAPPER.readTree(line));
                }
            }
        }
        assertThat(requests).hasSizeGreaterThan(1000);
        for (JsonNode r : requests) {
            assertThat(CanonicalJson.write(r)).isEqualTo(jackson(r));
        }
    }
}
