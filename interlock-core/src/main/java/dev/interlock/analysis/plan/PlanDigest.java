package dev.interlock.analysis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * SHA-256 of a plan's changes, fed one change at a time so that a plan never has to be held whole. Values are hashed
 * in the document's own order (the tools write their JSON deterministically), strings length-prefixed and numbers in
 * one spelling, so the same plan hashes the same whether it came from a file or inside a request, and a plan with one
 * changed value does not. Fields that cannot change what is applied may be left out (Terraform's {@code before}:
 * Terraform itself refuses to apply a saved plan whose state has moved on). Past a few hundred changes the hashing
 * moves to a second thread, in order, so that it overlaps with parsing (on a plan of 50,000 changes it costs as much).
 */
final class PlanDigest implements AutoCloseable {

    private static final int INLINE_CHANGES = 256;
    private static final Object END = new Object();

    private final MessageDigest sha;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private int changes;
    private java.util.concurrent.BlockingQueue<Object> queue;
    private Thread worker;
    private volatile RuntimeException failure;

    private record Item(JsonNode change, Set<String> skipped) {
    }

    PlanDigest(String tool) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        text(tool);
    }

    void add(JsonNode change) {
        add(change, Set.of());
    }

    /** {@code skipped}: fields of the change's direct child objects to leave out ({@code before} of {@code change}). */
    void add(JsonNode change, Set<String> skipped) {
        if (++changes <= INLINE_CHANGES) {
            hash(change, skipped);
            return;
        }
        if (worker == null) {
            queue = new java.util.concurrent.ArrayBlockingQueue<>(1024);
            worker = Thread.ofPlatform().daemon().name("interlock-plan-digest").start(this::drain);
        }
        try {
            queue.put(new Item(change, skipped));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing the plan", e);
        }
    }

    String finish() {
        if (worker != null) {
            try {
                queue.put(END);
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hashing the plan", e);
            }
            worker = null;
            if (failure != null) {
                throw failure;
            }
        }
        flush();
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** Stops the hashing thread of a plan that will not be finished (it could not be read). */
    @Override
    public void close() {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    private void drain() {
        try {
            for (Object next = queue.take(); next != END; next = queue.take()) {
                Item item = (Item) next;
                hash(item.change(), item.skipped());
            }
        } catch (InterruptedException e) {
            // abandoned: the plan was not read to its end
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void hash(JsonNode change, Set<String> skipped) {
        node(change, 0, skipped);
        put((byte) '\n');
    }

    private void node(JsonNode n, int depth, Set<String> skipped) {
        if (n.isObject()) {
            put((byte) '{');
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (depth == 1 && skipped.contains(e.getKey())) {
                    continue;
                }
                text(e.getKey());
                put((byte) ':');
                node(e.getValue(), depth + 1, skipped);
            }
            put((byte) '}');
        } else if (n.isArray()) {
            put((byte) '[');
            for (JsonNode x : n) {
                node(x, depth + 1, skipped);
                put((byte) ',');
            }
            put((byte) ']');
        } else if (n.isTextual()) {
            text(n.asText());
        } else if (n.isIntegralNumber()) {
            ascii(n.bigIntegerValue().toString());
        } else if (n.isNumber()) {
            ascii(n.decimalValue().stripTrailingZeros().toPlainString());
        } else if (n.isBoolean()) {
            put(n.asBoolean() ? (byte) 't' : (byte) 'f');
        } else {
            put((byte) 'n');
        }
    }

    /** Length-prefixed, so no escaping can make two different values hash alike. */
    private void text(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            ascii("\"" + s.length() + ":");
            ascii(s);
        } else {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            ascii("\"" + bytes.length + ":");
            flush();
            sha.update(bytes);
        }
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void put(byte b) {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = b;
    }

    private void flush() {
        sha.update(buffer, 0, used);
        used = 0;
    }
}
