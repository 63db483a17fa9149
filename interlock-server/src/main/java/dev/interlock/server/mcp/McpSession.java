package dev.interlock.server.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import dev.interlock.mcp.Gateway;
import dev.interlock.server.auth.Caller;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One agent's MCP session over streamable HTTP: its gateway (and the upstream servers it started), the token that
 * opened it, and where each message for the agent goes — a response to the POST that asked, anything else to the
 * agent's GET stream when it has one open, else to a request's event stream in flight, else kept (at most
 * {@value #KEPT}) until a stream opens.
 */
public final class McpSession {

    static final int KEPT = 1000;

    /** A stream to the agent: one HTTP response body. Messages are queued; the handler writes them. */
    public static final class Stream {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

        public String next(long millis) throws InterruptedException {
            return messages.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        void offer(String message) {
            messages.add(message);
        }
    }

    private final String id;
    private final Caller owner;
    private final Map<String, Stream> waiting = new ConcurrentHashMap<>();
    private final Deque<Stream> open = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final Deque<String> kept = new ArrayDeque<>();
    private volatile Stream listener;
    private volatile Gateway gateway;
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean closed;
    /** A stateless (2026-07-28) agent's session: nothing can reach it unasked. */
    private volatile boolean stateless;
    private volatile JsonNode initialized;
    private final Map<String, Parked> parked = new ConcurrentHashMap<>();
    /** How long a request waits for its agent's input before it is dropped. */
    private static final long PARKED_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    McpSession(String id, Caller owner) {
        this.id = id;
        this.owner = owner;
    }

    void attach(Gateway gateway) {
        this.gateway = gateway;
    }

    void stateless(JsonNode initializeResult) {
        this.stateless = true;
        this.initialized = initializeResult;
    }

    /** What the upstream answered the session's initialize with (stateless sessions; the gateway asked). */
    public JsonNode initialized() {
        return initialized;
    }

    public String id() {
        return id;
    }

    public boolean ownedBy(Caller caller) {
        return owner.tokenId().equals(caller.tokenId());
    }

    public boolean closed() {
        return closed;
    }

    long idleNanos() {
        return subscribers.isEmpty() ? System.nanoTime() - lastUsed : 0; // an agent listening is not idle
    }

    /**
     * Sends one request from the agent; its answer (and, when {@code stream}, what the servers send meanwhile)
     * comes on the returned stream.
     */
    public Stream request(String key, String message, boolean stream) {
        lastUsed = System.nanoTime();
        Stream s = new Stream();
        waiting.put(key, s);
        if (stream) {
            open.addLast(s);
        }
        gateway.receive(message);
        return s;
    }

    /** The request's stream is done (answered, timed out, or the agent went away). */
    public void finished(String key, Stream s) {
        waiting.remove(key, s);
        open.remove(s);
    }

    /** A notification or a response from the agent: nothing comes back on the POST. */
    public void tell(String message) {
        lastUsed = System.nanoTime();
        gateway.receive(message);
    }

    /** The agent's GET stream: what the servers send unasked, beginning with anything kept for it. */
    public synchronized Stream listen() {
        lastUsed = System.nanoTime();
        Stream s = new Stream();
        while (!kept.isEmpty()) {
            s.offer(kept.pollFirst());
        }
        listener = s;
        return s;
    }

    public synchronized void unlisten(Stream s) {
        if (listener == s) {
            listener = null;
        }
    }

    /** Where the gateway's messages for the agent go. */
    void toAgent(String message) {
        String key = responseKey(message);
        if (key != null) {
            Stream s = waiting.remove(key);
            if (s != null) {
                s.offer(message);
                return;
            }
        }
        if (stateless) {
            refuseUnasked(message);
            return;
        }
        Stream s = listener != null ? listener : open.peekFirst();
        if (s != null) {
            s.offer(message);
            return;
        }
        synchronized (this) {
            if (kept.size() >= KEPT) {
                kept.pollFirst();
            }
            kept.addLast(message);
        }
    }

    /**
     * A stateless agent is asked for input (roots, sampling, elicitation) only in a request's result: a server's
     * request goes to the one request in flight, whose answer becomes {@code input_required}; with none or several
     * in flight no one can tell whose it is, and it is answered with an error, as by a client without that
     * capability. Notifications are dropped.
     */
    private void refuseUnasked(String message) {
        try {
            JsonNode msg = Json.MAPPER.readTree(message);
            if (!msg.has("id") && msg.has("method")) {
                String method = msg.get("method").asText();
                String uri = msg.path("params").path("uri").asText("");
                subscribers.forEach((s, wanted) -> {
                    if (wanted.methods().contains(method) && (!method.equals(RESOURCE_UPDATED) || wanted.uris().contains(uri))) {
                        s.offer(message);
                    }
                });
                return;
            }
            if (msg.hasNonNull("id") && msg.has("method")) {
                var inFlight = List.copyOf(waiting.values());
                if (inFlight.size() == 1) {
                    inFlight.getFirst().offer(message);
                    return;
                }
                gateway.receive(dev.interlock.mcp.Modern.error(msg.get("id"), -32601, msg.get("method").asText()
                        + " cannot reach a stateless (2026-07-28) client through this gateway while "
                        + (inFlight.isEmpty() ? "none" : inFlight.size()) + " of its requests are in flight"));
            }
        } catch (JacksonException e) {
            // not JSON-RPC: nothing to answer
        }
    }

    public static final String RESOURCE_UPDATED = "notifications/resources/updated";

    /** What one {@code subscriptions/listen} stream asked for: notification methods, and the resources whose updates. */
    private record Wanted(java.util.Set<String> methods, java.util.Set<String> uris) {
    }

    /** A stateless agent's {@code subscriptions/listen} streams and what each asked for. */
    private final Map<Stream, Wanted> subscribers = new ConcurrentHashMap<>();

    /**
     * A stateless agent's subscription: the notifications named in {@code methods} go to the returned stream, resource
     * updates only for {@code uris}.
     */
    public Stream subscribe(java.util.Set<String> methods, java.util.Set<String> uris) {
        lastUsed = System.nanoTime();
        Stream s = new Stream();
        subscribers.put(s, new Wanted(java.util.Set.copyOf(methods), java.util.Set.copyOf(uris)));
        return s;
    }

    public void unsubscribe(Stream s) {
        subscribers.remove(s);
    }

    /** Tools this agent was listed whose parameters are mirrored in {@code Mcp-Param-*} headers: name → input schema. */
    private final Map<String, JsonNode> paramSchemas = new ConcurrentHashMap<>();

    /** A {@code tools/list} result the agent was given: which tools' calls must mirror parameters in headers. */
    public void listed(JsonNode result) {
        paramSchemas.putAll(dev.interlock.mcp.Modern.headerTools(result));
    }

    /** The input schema of a tool that mirrors parameters in headers, as the agent was listed it; null otherwise. */
    public JsonNode paramSchema(String tool) {
        return tool == null ? null : paramSchemas.get(tool);
    }

    /** A stateless request waiting for its agent's input: its stream, and which server request each input answers. */
    public record Parked(String key, Stream answers, String method, String name, Map<String, JsonNode> serverIds, long since) {
    }

    /** Parks a stateless request under {@code state} until its agent retries it with the input the servers asked for. */
    public void park(String state, Parked parked) {
        this.parked.put(state, parked);
    }

    /** The request parked under {@code state}, taken; empty when unknown (another session's, expired, or resumed). */
    public java.util.Optional<Parked> resume(String state) {
        this.parked.values().removeIf(p -> System.nanoTime() - p.since() > PARKED_NANOS && expire(p));
        return java.util.Optional.ofNullable(this.parked.remove(state));
    }

    private boolean expire(Parked p) {
        finished(p.key(), p.answers());
        return true;
    }

    /** The id of a response, as the agent's request keyed it; null for requests and notifications. */
    public static String responseKey(String message) {
        try {
            JsonNode msg = Json.MAPPER.readTree(message);
            return msg != null && msg.has("id") && !msg.has("method") ? msg.get("id").toString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    void close() {
        closed = true;
        Gateway g = gateway;
        if (g != null) {
            g.close();
        }
    }
}
