package dev.interlock.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The {@code data} of each event in a server-sent event stream, as it arrives. Read a byte at a time from a small
 * buffer and decoded line by line: every proxied call's answer may be such a stream, and a reader with the usual 8 KiB
 * buffers cost more than the message it carried.
 */
final class EventStream {

    private EventStream() {
    }

    /** Hands each event's data to {@code event} until the stream ends or {@code stop} says so. */
    static void read(InputStream in, BooleanSupplier stop, Consumer<String> event) throws IOException {
        byte[] buffer = new byte[1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        StringBuilder data = new StringBuilder();
        int n;
        while (!stop.getAsBoolean() && (n = in.read(buffer)) != -1) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                field(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, data, event);
            }
        }
        if (line.size() > 0) {
            field(line.toString(StandardCharsets.UTF_8), data, event);
        }
        if (!data.isEmpty()) {
            event.accept(data.toString());
        }
    }

    /** One line: a blank one ends the event; {@code data:} lines add to it (others — event, id, retry, comments — do not). */
    private static void field(String line, StringBuilder data, Consumer<String> event) {
        if (line.isEmpty()) {
            if (!data.isEmpty()) {
                event.accept(data.toString());
                data.setLength(0);
            }
        } else if (line.startsWith("data:")) {
            data.append(data.isEmpty() ? "" : "\n").append(line, line.startsWith("data: ") ? 6 : 5, line.length());
        }
    }
}
