package dev.interlock.server;

import dev.interlock.Interlock;
import dev.interlock.server.audit.AuditKey;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.audit.JdbcAuditLog;
import dev.interlock.server.audit.Redactor;
import dev.interlock.server.auth.TokenStore;
import dev.interlock.server.decisions.ApprovalGate;
import dev.interlock.server.decisions.DecisionService;
import dev.interlock.server.decisions.DecisionStore;
import dev.interlock.server.decisions.Readiness;
import dev.interlock.server.approval.ApprovalService;
import dev.interlock.server.approval.GrantService;
import dev.interlock.server.decisions.StoredApprovals;
import dev.interlock.server.decisions.TimeOrderedIds;
import dev.interlock.server.audit.AuditVerifier;
import dev.interlock.server.audit.TrustedKeys;
import dev.interlock.server.console.ConsoleRoutes;
import dev.interlock.server.console.ConsoleSessions;
import dev.interlock.server.http.ApprovalDesk;
import dev.interlock.server.http.ApprovalRoutes;
import dev.interlock.server.http.AuditRoutes;
import dev.interlock.server.http.CachingAuthenticator;
import dev.interlock.server.http.DecisionRoutes;
import dev.interlock.server.http.GrantRoutes;
import dev.interlock.server.http.HealthRoutes;
import dev.interlock.server.http.HttpApi;
import dev.interlock.server.http.PolicyRoutes;
import dev.interlock.server.http.HookRoutes;
import dev.interlock.server.http.RouteGroup;
import dev.interlock.server.http.TokenRoutes;
import dev.interlock.server.http.McpRoutes;
import dev.interlock.server.mcp.McpSessions;
import dev.interlock.server.metrics.ServerMetrics;
import dev.interlock.server.notify.WebhookNotifier;
import dev.interlock.server.policy.PolicyReloader;
import dev.interlock.server.storage.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running server: storage, audit log, tokens, approvals and the decision engine, wired once, behind the HTTP API.
 * The engine decides from what each request carries: it is built with no ambient context of this host (a request
 * that carries none resolves to {@code unknown}).
 */
public final class InterlockServer implements AutoCloseable {

    private final Javalin http;
    private final Database db;
    private final AuditLog audit;
    private final PolicyReloader reloader;
    private final WebhookNotifier notifier;
    private final ScheduledExecutorService sweeper;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final String url;
    /** Set when draining starts, so long-polls answer at once instead of holding the stop up. */
    private final AtomicBoolean stopping;

    private final Optional<McpSessions> mcp;

    private InterlockServer(Javalin http, Database db, AuditLog audit, PolicyReloader reloader, WebhookNotifier notifier,
                            ScheduledExecutorService sweeper, String url, AtomicBoolean stopping, Optional<McpSessions> mcp) {
        this.stopping = stopping;
        this.mcp = mcp;
        this.sweeper = sweeper;
        this.http = http;
        this.db = db;
        this.audit = audit;
        this.reloader = reloader;
        this.notifier = notifier;
        this.url = url;
    }

    /** Opens storage, loads policy (refusing to start on a bad one), and starts listening. */
    public static InterlockServer start(ServerConfig config, PrintStream log) throws IOException {
        Path dataDir = privateDirectory(config.dataDir());
        Interlock engine = engine(config);
        Database db = Database.open(config.databaseUrl(), dataDir);
        try {
            Clock clock = Clock.systemUTC();
            AuditLog audit = new JdbcAuditLog(db, AuditKey.loadOrCreate(dataDir),
                    JdbcAuditLog.Settings.defaults().withCheckpointEvery(config.checkpointEvery()), clock, Redactor.standard());
            TokenStore tokens = new TokenStore(db, clock);
            tokens.bootstrapAdmin(dataDir).ifPresent(file ->
                    log.println("interlock: first start: an admin token was written to " + file + " (mode 0600)"));
            ServerMetrics metrics = new ServerMetrics();
            Readiness readiness = new Readiness();
            WebhookNotifier notifier = new WebhookNotifier(config.webhooks(), config.webhookBackoff(), metrics::webhookFailed);
            AtomicReference<String> links = new AtomicReference<>(config.linkBase(config.port()));
            AtomicBoolean stopping = new AtomicBoolean();
            DecisionStore decisions = new DecisionStore(db);
            ApprovalService approvals = new ApprovalService(db, clock);
            GrantService grants = new GrantService(db, clock);
            ApprovalGate gate = new StoredApprovals(approvals, grants);
            DecisionService service = new DecisionService(engine, decisions, audit, gate, metrics, notifier, readiness, clock, links::get);
            PolicyReloader reloader = new PolicyReloader(engine, config.policy(), audit);
            reloader.started();
            metrics.gauges(() -> count(db, "SELECT count(*) FROM approvals WHERE state = 'pending'"),
                    () -> count(db, "SELECT count(*) FROM grants WHERE revoked_at IS NULL AND expires_at > " + clock.millis()));
            CachingAuthenticator authenticator = new CachingAuthenticator(tokens::authenticate);
            ApprovalDesk desk = new ApprovalDesk(approvals, audit, metrics);
            Optional<McpSessions> mcp = config.mcp().map(g -> new McpSessions(g, service, links::get, log));
            List<RouteGroup> routes = List.of(
                    new HealthRoutes(readiness, db::healthy, metrics),
                    new DecisionRoutes(service, decisions, links::get, stopping::get),
                    new HookRoutes(service, links::get),
                    new ApprovalRoutes(desk, links::get),
                    new GrantRoutes(grants, audit),
                    new AuditRoutes(audit, db, dataDir),
                    new PolicyRoutes(reloader),
                    new TokenRoutes(tokens, audit, authenticator::clear),
                    new McpRoutes(mcp, links::get),
                    new ConsoleRoutes(desk, audit, authenticator, new ConsoleSessions(clock),
                            () -> new AuditVerifier(TrustedKeys.of(dataDir)).verify(db), () -> grants.list(true), clock));
            Javalin http = HttpApi.create(config.host(), config.port(), authenticator, routes).start();
            links.set(config.linkBase(http.port()));
            reloader.watch();
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("interlock-expiry").factory());
            sweeper.scheduleWithFixedDelay(() -> expire(approvals), 5, 5, TimeUnit.SECONDS);
            String url = config.linkBase(http.port());
            log.println("interlock: listening on http://" + config.host() + ":" + http.port() + " — data " + dataDir
                    + ", storage " + db.description() + ", policy " + engine.policy().version());
            mcp.ifPresent(m -> log.println("interlock: MCP gateway at " + url + "/mcp for " + config.mcp().get().upstreams().stream()
                    .map(u -> u.name()).toList()));
            return new InterlockServer(http, db, audit, reloader, notifier, sweeper, url, stopping, mcp);
        } catch (RuntimeException | IOException e) {
            db.close();
            throw e;
        }
    }

    /** Approvals past their expiry become expired, so lists and gauges tell the truth without waiting for a retry. */
    private static void expire(ApprovalService approvals) {
        try {
            approvals.expireDue();
        } catch (RuntimeException e) {
            // storage trouble: readiness reports it on the next decision or probe; try again next round
        }
    }

    private static Number count(Database db, String sql) {
        try {
            return db.transaction(c -> {
                try (var rs = c.createStatement().executeQuery(sql)) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static Interlock engine(ServerConfig config) {
        Interlock.Builder b = Interlock.builder().decisionIds(new TimeOrderedIds(Clock.systemUTC()));
        config.policy().ifPresent(b::policy);
        config.inventory().ifPresent(b::inventory);
        return b.build();
    }

    /** The data directory holds the database, the audit key and the admin token: owner-only. */
    private static Path privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; nothing more to do
        }
        return dir;
    }

    public int port() {
        return http.port();
    }

    public String url() {
        return url;
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Drains requests in flight, then writes a final checkpoint and closes storage. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        stopping.set(true);
        // Each step runs even when an earlier one fails (storage may be the reason we are stopping).
        // MCP sessions first: their streams end, and their upstream servers stop.
        mcp.ifPresent(m -> quietly("end MCP sessions", m::close));
        quietly("stop HTTP", http::stop);
        quietly("stop the expiry sweeper", sweeper::shutdownNow);
        quietly("stop the policy watcher", reloader::close);
        quietly("stop webhooks", notifier::close);
        quietly("close the audit log (final checkpoint)", audit::close);
        quietly("close storage", db::close);
        stopped.countDown();
    }

    private static void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("interlock: could not " + what + " cleanly: " + e.getMessage());
        }
    }
}
