package dev.interlock.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.hooks.HookVerdict;
import dev.interlock.mcp.CallDecider;
import dev.interlock.mcp.Gateway;
import dev.interlock.mcp.GatewayConfig;
import dev.interlock.model.Actor;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.decisions.DecisionOutcome;
import dev.interlock.server.decisions.DecisionService;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The server's MCP sessions: each starts its own upstream servers from the gateway config and decides every tool
 * call in-process, as the token's principal and agent, with the MCP session as the actor's session (so
 * session-aware policy counts what this connection did). Idle sessions end after {@link #IDLE}; at most
 * {@link #MAX} at once.
 */
public final class McpSessions implements AutoCloseable {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final int MAX = 64;

    private final GatewayConfig config;
    private final DecisionService decisions;
    private final Supplier<String> publicUrl;
    private final PrintStream log;
    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    /**
     * Token and client capabilities → the session their stateless (2026-07-28) requests share. The upstream handshake
     * declares the capabilities, so two clients of one token that declare different ones (say, only one can answer
     * elicitation) need a session each.
     */
    private final Map<StatelessKey, McpSession> stateless = new ConcurrentHashMap<>();

    /** JsonNode equality is deep and ignores the order of an object's members. */
    private record StatelessKey(String tokenId, JsonNode capabilities) {
    }

    public McpSessions(GatewayConfig config, DecisionService decisions, Supplier<String> publicUrl, PrintStream log) {
        this.config = config;
        this.decisions = decisions;
        this.publicUrl = publicUrl;
        this.log = log;
    }

    /** A new session for {@code caller}, its upstreams started; empty when the server holds {@link #MAX} already. */
    public Optional<McpSession> open(Caller caller) throws IOException {
        expireIdle();
        if (sessions.size() >= MAX) {
            return Optional.empty();
        }
        McpSession session = new McpSession(UUID.randomUUID().toString(), caller);
        Gateway gateway = Gateway.of(config, decider(caller, session.id()), session::toAgent, log);
        session.attach(gateway);
        gateway.start();
        sessions.put(session.id(), session);
        return Optional.of(session);
    }

    /**
     * The session a stateless agent's requests go through: one per token and declared client capabilities, opened on
     * its first request with a handshake the gateway makes for it (the request's client info and capabilities, the
     * newest handshake version).
     */
    public McpSession statelessFor(Caller caller, JsonNode meta) throws IOException {
        StatelessKey k = new StatelessKey(caller.tokenId(), dev.interlock.mcp.Modern.capabilities(meta));
        synchronized (stateless) {
            McpSession s = stateless.get(k);
            if (s != null && !s.closed()) {
                return s;
            }
            s = open(caller).orElseThrow(() -> new IOException("too many MCP sessions (" + MAX + ")"));
            var init = dev.interlock.mcp.Modern.initialize("interlock-stateless-init", meta);
            String key = "\"interlock-stateless-init\"";
            McpSession.Stream answer = s.request(key, init.toString(), false);
            String line;
            try {
                line = answer.next(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                line = null;
            } finally {
                s.finished(key, answer);
            }
            JsonNode result = line == null ? null : dev.interlock.json.Json.MAPPER.readTree(line).get("result");
            if (result == null) {
                end(s);
                throw new IOException("the upstream MCP servers did not complete their handshake" + (line == null ? " within 60 s" : ": " + line));
            }
            s.stateless(result);
            s.tell("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            stateless.values().removeIf(McpSession::closed);
            stateless.put(k, s);
            return s;
        }
    }

    public Optional<McpSession> find(String id, Caller caller) {
        McpSession s = id == null ? null : sessions.get(id);
        return s != null && s.ownedBy(caller) && !s.closed() ? Optional.of(s) : Optional.empty();
    }

    public void end(McpSession session) {
        sessions.remove(session.id(), session);
        session.close();
    }

    private void expireIdle() {
        for (McpSession s : List.copyOf(sessions.values())) {
            if (s.idleNanos() > IDLE.toNanos()) {
                end(s);
            }
        }
    }

    @Override
    public void close() {
        for (McpSession s : List.copyOf(sessions.values())) {
            end(s);
        }
    }

    private CallDecider decider(Caller caller, String sessionId) {
        Map<String, String> environments = new java.util.HashMap<>();
        config.upstreams().forEach(u -> environments.put(u.name(), u.environment()));
        return new CallDecider() {
            @Override
            public Verdict decide(String server, String tool, JsonNode arguments) {
                String env = environments.getOrDefault(server, "");
                Request request = new Request("", RequestKind.MCP, new Payload.Mcp(server, tool,
                        arguments != null && arguments.isObject() ? arguments : dev.interlock.json.Json.MAPPER.createObjectNode()),
                        new RequestContext(env.isEmpty() ? Optional.empty() : Optional.of(env), Optional.empty(), Map.of(), Optional.empty()),
                        new Actor(caller.principal(), caller.agent(), sessionId));
                DecisionOutcome o = decisions.decide(request, caller);
                if (o.pending() && !config.approvalWait().isZero()) {
                    // The agent's call stays open while a reviewer looks: approved in time, it goes through.
                    try {
                        o = decisions.awaitApproval(o, java.time.Instant.now().plus(config.approvalWait()), () -> false,
                                () -> decisions.decide(request, caller));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                var d = o.decision();
                String approvalId = o.approval().map(a -> a.id()).orElse("");
                return Verdict.of(d.effect(), d.summary(), HookVerdict.why(d), approvalId,
                        approvalId.isEmpty() ? "" : publicUrl.get() + "/v1/approvals/" + approvalId, true, d.decisionId());
            }

            @Override
            public void executed(Verdict verdict, boolean error, long millis) {
                if (!verdict.decisionId().isEmpty()) {
                    decisions.reportExecutionSoon(verdict.decisionId(), error ? 1 : 0, millis, caller);
                }
            }

            @Override
            public List<String> listed(String server, List<String> tools, List<ToolChange> changes) {
                return decisions.listed(server, tools, changes.stream().map(c -> new DecisionService.ToolChange(c.tool(), c.before(),
                        c.after(), c.descriptionBefore(), c.descriptionAfter())).toList(), caller);
            }
        };
    }
}
