package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.server.InterlockServer;
import dev.interlock.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Part 2 of {@code interlock demo}: the approval loop against a real server started in-process on the embedded
 * defaults, driven over HTTP by three actors (admin, the agent, two reviewers). Every line printed is what the server
 * answered; each step also states what should happen, and a step that behaves otherwise is reported and fails the demo.
 */
final class ServerDemo {

    static final String COMMAND = "kubectl --context prod-eu-1 -n payments rollout restart deployment/api";
    static final Map<String, Object> REQUEST = Map.of("kind", "shell", "command", COMMAND,
            "context", Map.of("cwd", "/home/alice/payments-service"), "actor", Map.of("session", "demo"));

    private final PrintWriter out;
    private final boolean terminal;
    private final List<String> differed = new ArrayList<>();
    private int current;

    private ServerDemo(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Runs part 2 in {@code dataDir}, or in a temporary directory deleted afterwards; 0 when every step behaved. */
    static int run(Path dataDir, PrintWriter out, boolean terminal) throws IOException {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("interlock-demo-");
        // Ctrl-C during the review countdown must not leave a server's data (and an admin token) in /tmp.
        Thread cleanup = new Thread(() -> deleteQuietly(dataDir == null ? dir : null), "interlock-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
        try {
            InterlockServer server;
            try {
                server = InterlockServer.start(new ServerConfig("127.0.0.1", 0, dir, "", Optional.empty(), Optional.empty(),
                        List.of(), "", 1000, Duration.ofSeconds(1)), new PrintStream(serverLog, true, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                out.println("The server did not start: " + e.getMessage());
                out.print(serverLog.toString(StandardCharsets.UTF_8));
                return Main.INTERNAL_ERROR;
            }
            try {
                String url = "http://127.0.0.1:" + server.port();
                out.println("Interlock server started in-process at " + url + " (shipped policy, SQLite in "
                        + (dataDir == null ? "a temporary directory" : dir.toString()) + ")\n");
                int exit = new ServerDemo(out, terminal).tell(url, dir, dataDir != null);
                server.close();
                if (exit == 0) {
                    incident(dir, out);
                }
                return exit;
            } finally {
                server.close();
            }
        } finally {
            if (dataDir == null) {
                deleteQuietly(dir);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running; it deletes the directory
            }
        }
    }

    /** The session's incident report, read from the data directory the way `interlock incident` does. */
    private static void incident(Path dir, PrintWriter out) {
        try (dev.interlock.server.storage.Database db = OfflineAudit.open(dir, "")) {
            var chain = new dev.interlock.server.audit.AuditVerifier(OfflineAudit.trusted(List.of(), dir)).verify(db);
            var report = dev.interlock.server.report.Incident.of(new dev.interlock.server.audit.AuditReader(db)::events, chain,
                    new dev.interlock.server.report.Timeline.Filter(List.of("\"session\":\"demo\""), null, null), 30);
            out.println();
            out.println("And afterwards, the incident report of this session (`interlock incident --data DIR --session demo`):");
            out.println();
            out.print(report.markdown());
            out.flush();
        }
    }

    /** The story, or the step where the server stopped answering as expected (an error answer ends the story). */
    private int tell(String url, Path dir, boolean kept) throws IOException {
        try {
            int exit = story(url, dir);
            if (exit == 0) {
                out.println(kept ? "The data directory is kept: `interlock audit verify --data " + dir + "` checks this chain offline."
                        : "(With --data DIR the data directory is kept, and `interlock audit verify --data DIR` checks it offline.)");
            }
            return exit;
        } catch (ServerClient.ServerException e) {
            out.println();
            out.println("With the server: step " + current + " did not behave as narrated: " + e.getMessage());
            return Main.INTERNAL_ERROR;
        }
    }

    private int story(String url, Path dir) throws IOException {
        String adminToken;
        try {
            adminToken = Files.readString(dir.resolve("admin-token"), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            out.println("No bootstrap admin token in " + dir + " (it is written on a data directory's first start only):"
                    + " run the demo without --data, or with a fresh directory.");
            return Main.INTERNAL_ERROR;
        }
        ServerClient admin = new ServerClient(url, adminToken);

        step(1, "The admin (bootstrap token from the data directory) issues tokens.");
        ServerClient agent = token(admin, "agent", "alice@example.com", "claude-code", List.of(), "alice's laptop");
        ServerClient bob = token(admin, "approver", "bob@example.com", null, List.of("sre"), "bob, on call");
        ServerClient alice = token(admin, "approver", "alice@example.com", null, List.of("sre"), "alice is in sre too");
        say("agent token:    claude-code acting for alice@example.com");
        say("approver token: bob@example.com (group sre)");
        say("approver token: alice@example.com (group sre; she will try to approve her own agent's request)");

        step(2, "The agent asks to restart the payments API in production.");
        say("$ " + COMMAND);
        JsonNode held = agent.post("/v1/decisions", REQUEST);
        String id = held.at("/approval/id").asText();
        say(effect(held) + "  " + held.path("summary").asText());
        say("rule " + firstRule(held).path("id").asText() + ": " + firstRule(held).path("message").asText());
        say("held as approval " + id + "  " + held.at("/approval/url").asText());
        expect(effect(held).equals("REQUIRE_APPROVAL") && !id.isEmpty(), "the request is held for approval",
                "the server answered " + effect(held));

        step(3, "alice, the human the agent works for, tries to approve it herself.");
        ServerClient.ServerException self = refusal(() -> alice.post(path(id, "/approve"), Map.of("confirm", "api")));
        say(self == null ? "APPROVED (it should not have been)" : "refused: " + self.getMessage());
        expect(self != null && self.status() == 403, "alice is refused (403): a second human must approve",
                self == null ? "the approval went through" : "HTTP " + self.status());

        step(4, "bob opens the approval and approves at once.");
        JsonNode view = bob.get(path(id, ""));
        Duration minReview = Durations.parse(view.at("/terms/min_review").asText("0s"));
        say("bob sees: " + view.path("summary").asText() + ", requested by " + view.at("/requester/agent").asText() + " for "
                + view.at("/requester/principal").asText() + "; min_review " + Durations.human(minReview));
        ServerClient.ServerException tooFast = refusal(() -> bob.post(path(id, "/approve"), Map.of("confirm", "api")));
        say(tooFast == null ? "APPROVED at once (it should not have been)" : "refused: " + tooFast.getMessage());
        expect(tooFast != null && tooFast.getMessage().contains("review"), "bob is refused: too fast for min_review",
                tooFast == null ? "the approval went through" : tooFast.getMessage());

        step(5, "bob reads it for the rule's min_review, then approves, typing the resource name.");
        Instant from = Instant.parse(view.path("you_may_approve_from").asText(Instant.now().plus(minReview).toString()));
        countdown(from, minReview);
        JsonNode approved = bob.post(path(id, "/approve"), Map.of("comment", "checked the dashboard; a restart is safe", "confirm", "api"));
        JsonNode review = approved.path("reviews").path(approved.path("reviews").size() - 1);
        say("approved by " + review.path("reviewer").asText() + " after " + String.format(java.util.Locale.ROOT, "%.1f",
                review.path("review_ms").asLong() / 1000.0) + "s of review (confirm: api); state " + approved.path("state").asText());
        expect(approved.path("state").asText().equals("approved"), "the approval is approved", "state " + approved.path("state").asText());

        step(6, "The agent retries the same request.");
        JsonNode released = agent.post("/v1/decisions", REQUEST);
        say(effect(released) + "  " + firstRule(released).path("message").asText());
        expect(effect(released).equals("ALLOW") && released.at("/approval/id").asText().equals(id),
                "allowed, released by approval " + id, "the server answered " + effect(released));

        step(7, "The agent sends it once more (a replay).");
        JsonNode replay = agent.post("/v1/decisions", REQUEST);
        String again = replay.at("/approval/id").asText();
        say(effect(replay) + "  held again as a new approval " + again + ": approval " + id + " was used up by step 6");
        expect(effect(replay).equals("REQUIRE_APPROVAL") && !again.equals(id), "held again (approvals are single use)",
                "the server answered " + effect(replay) + " under approval " + again);

        step(8, "Everything above is in the hash-chained audit log; bob verifies it.");
        JsonNode verify = bob.get("/v1/audit/verify");
        List<String> types = new ArrayList<>();
        AuditCommand.page(bob, 0, e -> types.add(e.path("type").asText()));
        int signed = verify.path("checkpoints").asInt();
        say(verify.path("ok").asBoolean() ? "chain intact: " + verify.path("events").asText() + " events, " + (signed > 0
                ? signed + " signed checkpoints" : "no signed checkpoint yet (one is signed every 1000 events and at shutdown)")
                : "chain BROKEN: " + verify.path("message").asText());
        say("events: " + runs(types));
        expect(verify.path("ok").asBoolean(), "the chain verifies", verify.path("message").asText());

        out.println();
        if (differed.isEmpty()) {
            out.println("With the server: every step behaved as narrated.");
            return 0;
        }
        out.println("With the server: " + differed.size() + " step(s) did not behave as narrated:");
        differed.forEach(d -> out.println("  - " + d));
        return Main.INTERNAL_ERROR;
    }

    private ServerClient token(ServerClient admin, String role, String principal, String agentName, List<String> groups, String description) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("role", role, "principal", principal, "description", description));
        if (agentName != null) {
            body.put("agent", agentName);
        }
        if (!groups.isEmpty()) {
            body.put("groups", groups);
        }
        JsonNode created = admin.post("/v1/tokens", body);
        return new ServerClient(admin.baseUrl(), created.path("token").asText());
    }

    /** The server's refusal of {@code call}, or null when it was accepted. */
    private static ServerClient.ServerException refusal(Runnable call) {
        try {
            call.run();
            return null;
        } catch (ServerClient.ServerException e) {
            if (e.status() == 0) {
                throw e; // the server is unreachable: not a refusal, the demo cannot go on
            }
            return e;
        }
    }

    /**
     * Waits until {@code readyAt} (plus a margin for the server's clock reading), on one line: a countdown updated
     * once a second on a terminal, a dot a second elsewhere (logs and pipes keep no \r).
     */
    private void countdown(Instant readyAt, Duration total) {
        Instant until = readyAt.plusMillis(250);
        out.print("   bob reads… " + (terminal ? secondsUntil(readyAt) + "s " : ""));
        out.flush();
        while (Instant.now().isBefore(until)) {
            long step = Math.min(1000, Duration.between(Instant.now(), until).toMillis());
            try {
                Thread.sleep(Math.max(1, step));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerClient.ServerException(0, "interrupted during the review countdown");
            }
            out.print(terminal ? "\r   bob reads… " + secondsUntil(readyAt) + "s " : step == 1000 ? "." : "");
            out.flush();
        }
        out.println(terminal ? "\r   bob reads for " + Durations.human(total) + ", done." : " " + Durations.human(total) + ", done.");
    }

    private static long secondsUntil(Instant t) {
        return Math.max(0, (Duration.between(Instant.now(), t).toMillis() + 999) / 1000);
    }

    /** Event types in order, repeats folded: "token.created ×3, decision, …". */
    static String runs(List<String> types) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < types.size(); ) {
            int j = i;
            while (j < types.size() && types.get(j).equals(types.get(i))) {
                j++;
            }
            s.append(s.isEmpty() ? "" : ", ").append(types.get(i)).append(j - i > 1 ? " ×" + (j - i) : "");
            i = j;
        }
        return s.toString();
    }

    private void step(int n, String narration) {
        current = n;
        out.println((n == 1 ? "" : "\n") + n + ". " + narration);
        out.flush();
    }

    private void say(String line) {
        out.println("   " + line);
        out.flush();
    }

    private void expect(boolean ok, String narrated, String actual) {
        if (!ok) {
            say("✗ expected: " + narrated + "; but " + actual);
            differed.add(narrated + " — but " + actual);
        }
    }

    private static String effect(JsonNode decision) {
        return decision.path("effect").asText("?").toUpperCase(java.util.Locale.ROOT);
    }

    private static JsonNode firstRule(JsonNode decision) {
        return decision.path("rules").path(0);
    }

    private static String path(String id, String tail) {
        return "/v1/approvals/" + ServerClient.encode(id) + tail;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a temporary directory the OS cleans eventually
        }
    }
}
