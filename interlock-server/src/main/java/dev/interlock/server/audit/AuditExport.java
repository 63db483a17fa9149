package dev.interlock.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.CanonicalJson;
import dev.interlock.json.Json;
import dev.interlock.server.storage.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * The audit log as JSON Lines, for archiving and for auditors who verify it offline with the public key file. One line
 * per event: {@code {"at","body","hash","prev_hash","seq","type"}}; one line per checkpoint, right after the event it
 * signs: {@code {"checkpoint":{"at","head_hash","key_id","public_key","seq","signature"}}}. Times are ISO-8601 UTC.
 */
public final class AuditExport {

    private AuditExport() {
    }

    /** Thrown while reading an export that is not audit JSON Lines; names the line. */
    public static final class MalformedExportException extends RuntimeException {
        MalformedExportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes every event from the first one recorded at or after {@code since} to the head, without gaps (so the
     * export verifies as one chain), with the checkpoints that sign them. Returns the number of events written.
     */
    public static long write(Database db, Instant since, Writer out) throws IOException {
        AuditReader reader = new AuditReader(db);
        OptionalLong first = reader.firstSeqAtOrAfter(since);
        if (first.isEmpty()) {
            return 0;
        }
        Iterator<AuditCheckpoint> checkpoints = reader.checkpoints(first.getAsLong()).iterator();
        AuditCheckpoint pending = checkpoints.hasNext() ? checkpoints.next() : null;
        long written = 0;
        Iterator<AuditEvent> events = reader.stream(first.getAsLong() - 1);
        while (events.hasNext()) {
            AuditEvent e = events.next();
            out.write(eventLine(e));
            out.write('\n');
            written++;
            while (pending != null && pending.seq() <= e.seq()) {
                out.write(checkpointLine(pending));
                out.write('\n');
                pending = checkpoints.hasNext() ? checkpoints.next() : null;
            }
        }
        // Checkpoints beyond the last event are kept: they are how a verifier notices a cut tail.
        while (pending != null) {
            out.write(checkpointLine(pending));
            out.write('\n');
            pending = checkpoints.hasNext() ? checkpoints.next() : null;
        }
        out.flush();
        return written;
    }

    /** Verifies an export file offline against trusted public keys (e.g. {@link AuditKey#readPublicKey}). */
    public static Verification verify(Path file, Collection<PublicKey> trustedKeys) throws IOException {
        AuditVerifier verifier = new AuditVerifier(trustedKeys);
        // Two passes: checkpoints are few and read first, events are streamed and never all in memory.
        try (BufferedReader checkpointsIn = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             BufferedReader eventsIn = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<AuditCheckpoint> checkpoints = readCheckpoints(checkpointsIn, file);
            LineIterator events = new LineIterator(eventsIn, file);
            try {
                return verifier.verify(events, checkpoints, false);
            } catch (MalformedExportException e) {
                return Verification.broken(events.count, 0, events.lastSeq + 1, Verification.Breakage.MALFORMED, e.getMessage());
            }
        } catch (MalformedExportException e) {
            return Verification.broken(0, 0, 1, Verification.Breakage.MALFORMED, e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String eventLine(AuditEvent e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", e.seq());
        line.put("at", e.at().toString());
        line.put("type", e.type());
        line.put("body", e.body());
        line.put("prev_hash", e.prevHash());
        line.put("hash", e.hash());
        return CanonicalJson.write(line);
    }

    static String checkpointLine(AuditCheckpoint c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", c.seq());
        fields.put("at", c.at().toString());
        fields.put("head_hash", c.headHash());
        fields.put("key_id", c.keyId());
        fields.put("public_key", c.publicKey());
        fields.put("signature", c.signature());
        return CanonicalJson.write(Map.of("checkpoint", fields));
    }

    /** The checkpoint lines of an export. */
    public static List<AuditCheckpoint> readCheckpoints(BufferedReader in, Path file) throws IOException {
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.startsWith("{\"checkpoint\"")) {
                JsonNode c = parse(line, file, number).path("checkpoint");
                try {
                    checkpoints.add(new AuditCheckpoint(required(c, "seq").asLong(), Instant.parse(required(c, "at").asText()),
                            required(c, "head_hash").asText(), required(c, "key_id").asText(),
                            required(c, "public_key").asText(), required(c, "signature").asText()));
                } catch (RuntimeException e) {
                    throw new MalformedExportException(file + ":" + number + ": not an audit checkpoint: " + e.getMessage(), e);
                }
            }
        }
        return checkpoints;
    }

    /** The event lines of an export, one at a time; checkpoint and blank lines are skipped. */
    static final class LineIterator implements Iterator<AuditEvent> {
        private final BufferedReader in;
        private final Path file;
        private long number;
        private AuditEvent next;
        long count;
        long lastSeq;

        LineIterator(BufferedReader in, Path file) {
            this.in = in;
            this.file = file;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String line;
                try {
                    line = in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (line == null) {
                    return false;
                }
                number++;
                if (line.isBlank() || line.startsWith("{\"checkpoint\"")) {
                    continue;
                }
                JsonNode n = parse(line, file, number);
                try {
                    next = new AuditEvent(required(n, "seq").asLong(), Instant.parse(required(n, "at").asText()),
                            required(n, "type").asText(), required(n, "body").asText(), required(n, "prev_hash").asText(),
                            required(n, "hash").asText());
                } catch (RuntimeException e) {
                    throw new MalformedExportException(file + ":" + number + ": not an audit event: " + e.getMessage(), e);
                }
            }
            return true;
        }

        @Override
        public AuditEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditEvent e = next;
            next = null;
            count++;
            lastSeq = e.seq();
            return e;
        }
    }

    private static JsonNode parse(String line, Path file, long number) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new MalformedExportException(file + ":" + number + ": not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value;
    }
}
