package dev.interlock.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static List<String> events(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        EventStream.read(in, () -> false, out::add);
        return out;
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out one byte per read, as a slow network does. */
    private static InputStream trickle(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void eachEventsDataInOrder() throws IOException {
        String stream = ": keep-alive\n\nevent: message\nid: 1\ndata: {\"a\":1}\n\nretry: 100\ndata: {\"b\":\ndata:2}\n\n";
        assertThat(events(bytes(stream))).containsExactly("{\"a\":1}", "{\"b\":\n2}");
        assertThat(events(trickle(stream))).containsExactly("{\"a\":1}", "{\"b\":\n2}");
    }

    @Test
    void carriageReturnsAndAStreamThatEndsWithoutABlankLine() throws IOException {
        assertThat(events(bytes("data: one\r\n\r\ndata: two"))).containsExactly("one", "two");
    }

    @Test
    void textInAnyScriptEvenWhenItsBytesArriveApart() throws IOException {
        String text = "{\"msg\":\"déjà vu ✓ 日本\"}";
        assertThat(events(trickle("data: " + text + "\n\n"))).containsExactly(text);
    }

    @Test
    void stopsWhenAskedTo() throws IOException {
        List<String> out = new ArrayList<>();
        EventStream.read(bytes("data: one\n\ndata: two\n\n"), () -> !out.isEmpty(), out::add);
        assertThat(out).hasSizeLessThanOrEqualTo(2).first().isEqualTo("one");
    }
}
