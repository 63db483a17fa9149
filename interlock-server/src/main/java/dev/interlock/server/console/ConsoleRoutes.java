package dev.interlock.server.console;

import dev.interlock.server.report.Words;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import dev.interlock.server.approval.ApprovalException;
import dev.interlock.server.approval.ApprovalState;
import dev.interlock.server.approval.ViewResult;
import dev.interlock.server.audit.AuditEvent;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.auth.Role;
import dev.interlock.server.http.ApprovalDesk;
import dev.interlock.server.http.Authenticator;
import dev.interlock.server.http.Guard;
import dev.interlock.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The web console under {@code /console}: sign-in with an approver's or admin's token (exchanged for a session
 * cookie: HttpOnly, SameSite=Strict, Secure over TLS), the approvals inbox and each approval's page with approve and
 * deny forms, and the audit explorer. Every form carries the session's CSRF token and a cross-site POST is refused;
 * every page is sent with a CSP that allows no inline script, cannot be framed, and is not cached. The console adds
 * no store of its own: approvals and the audit log are the server's.
 */
public final class ConsoleRoutes implements RouteGroup {

    static final String COOKIE = "interlock_console";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** Served files: name → (content type, classpath resource). uPlot comes from its WebJar. */
    private static final Map<String, String[]> STATIC = Map.of(
            "console.css", new String[] {"text/css; charset=utf-8", "/interlock/console/console.css"},
            "console.js", new String[] {"text/javascript; charset=utf-8", "/interlock/console/console.js"},
            "uplot.css", new String[] {"text/css; charset=utf-8", "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css"},
            "uplot.js", new String[] {"text/javascript; charset=utf-8", "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"});

    private final ApprovalDesk desk;
    private final AuditLog audit;
    private final Authenticator authenticator;
    private final ConsoleSessions sessions;
    private final Supplier<dev.interlock.server.audit.Verification> verify;
    private final Supplier<List<dev.interlock.server.approval.Grant>> grants;
    private final Clock clock;

    public ConsoleRoutes(ApprovalDesk desk, AuditLog audit, Authenticator authenticator, ConsoleSessions sessions,
                         Supplier<dev.interlock.server.audit.Verification> verify, Supplier<List<dev.interlock.server.approval.Grant>> grants,
                         Clock clock) {
        this.grants = grants;
        this.desk = desk;
        this.audit = audit;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.verify = verify;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface PageHandler {
        void handle(Context ctx, ConsoleSessions.Session session) throws Exception;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/console", ctx -> secured(ctx).redirect("/console/approvals", HttpStatus.SEE_OTHER));
        routes.get("/console/sign-in", ctx -> signInPage(secured(ctx), ""));
        routes.post("/console/sign-in", this::signIn);
        routes.post("/console/sign-out", page(this::signOut, true));
        routes.get("/console/approvals", page(this::inbox, false));
        routes.get("/console/approvals.json", page(this::inboxJson, false));
        routes.get("/console/approvals/{id}", page(this::approval, false));
        routes.post("/console/approvals/{id}/approve", page(this::approve, true));
        routes.post("/console/approvals/{id}/deny", page(this::deny, true));
        routes.get("/console/audit", page(this::audit, false));
        routes.get("/console/audit.jsonl", page(this::export, false));
        routes.get("/console/dashboard", page(this::dashboard, false));
        routes.get("/console/dashboard.json", page(this::dashboardJson, false));
        routes.get("/console/timeline", page(this::timeline, false));
        routes.get("/console/static/{file}", this::asset);
    }

    /** Security headers on every console response. */
    private static Context secured(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        return ctx;
    }

    /** A page for a signed-in reviewer; {@code form}: a state-changing POST, which must be same-origin and carry the CSRF token. */
    private io.javalin.http.Handler page(PageHandler handler, boolean form) {
        return ctx -> {
            secured(ctx);
            Optional<ConsoleSessions.Session> session = sessions.find(ctx.cookie(COOKIE));
            if (session.isPresent() && authenticator.authenticate(session.get().token()).isEmpty()) {
                sessions.end(session.get().id()); // the token was revoked: so is the session
                session = Optional.empty();
            }
            if (form && !sameOrigin(ctx)) {
                ctx.status(403).html(Pages.render("error", new Views.SignIn(info("Refused", session), "A form from another site was refused.")));
                return;
            }
            if (session.isEmpty()) {
                if (form || ctx.path().endsWith(".json") || ctx.path().endsWith(".jsonl")) {
                    ctx.status(401).html(Pages.render("error", new Views.SignIn(info("Signed out", Optional.empty()), "Sign in again.")));
                } else {
                    ctx.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
                }
                return;
            }
            if (form && !ConsoleSessions.csrfMatches(session.get(), ctx.formParam("csrf"))) {
                ctx.status(403).html(Pages.render("error", new Views.SignIn(info("Refused", session), "The form's token did not match your session; reload the page and try again.")));
                return;
            }
            handler.handle(ctx, session.get());
        };
    }

    /** A POST from this server's own pages: Origin (or, without it, Sec-Fetch-Site) says so. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.isBlank() && !origin.equals("null")) {
            try {
                URI o = URI.create(origin);
                String host = ctx.header("Host");
                return host != null && host.equalsIgnoreCase(o.getAuthority());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        String site = ctx.header("Sec-Fetch-Site");
        return site == null || site.equals("same-origin") || site.equals("none");
    }

    private Views.PageInfo info(String title, Optional<ConsoleSessions.Session> session) {
        return session.map(s -> new Views.PageInfo(title, s.caller().principal(), s.caller().role().wire(), s.csrf(), title.toLowerCase(java.util.Locale.ROOT)))
                .orElse(new Views.PageInfo(title, "", "", "", ""));
    }

    // ---- sign-in

    private void signInPage(Context ctx, String error) {
        ctx.html(Pages.render("sign_in", new Views.SignIn(info("Sign in", Optional.empty()), error)));
    }

    private void signIn(Context ctx) {
        secured(ctx);
        if (!sameOrigin(ctx)) {
            ctx.status(403);
            signInPage(ctx, "A sign-in from another site was refused.");
            return;
        }
        String token = Optional.ofNullable(ctx.formParam("token")).orElse("").strip();
        Optional<Caller> caller = token.isEmpty() ? Optional.empty() : authenticator.authenticate(token);
        if (caller.isEmpty()) {
            ctx.status(401);
            signInPage(ctx, "That token is unknown or revoked.");
            return;
        }
        if (caller.get().role() == Role.AGENT) {
            ctx.status(403);
            signInPage(ctx, "Agent tokens cannot sign in: the console is for the people who review what agents ask.");
            return;
        }
        ConsoleSessions.Session s = sessions.open(token, caller.get());
        boolean tls = "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/console; HttpOnly; SameSite=Strict"
                + "; Max-Age=" + ConsoleSessions.LIFETIME.toSeconds() + (tls ? "; Secure" : ""));
        ctx.redirect("/console/approvals", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx, ConsoleSessions.Session s) {
        sessions.end(s.id());
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/console/sign-in", HttpStatus.SEE_OTHER);
    }

    // ---- approvals

    private void inbox(Context ctx, ConsoleSessions.Session s) {
        ctx.html(Pages.render("inbox", new Views.Inbox(info("Approvals", Optional.of(s)), rows(s), Optional.ofNullable(ctx.queryParam("flash")).orElse(""))));
    }

    /** The inbox as JSON, for the page's live updates. */
    private void inboxJson(Context ctx, ConsoleSessions.Session s) {
        ctx.json(Map.of("approvals", rows(s)));
    }

    private List<Views.InboxRow> rows(ConsoleSessions.Session s) {
        Instant now = clock.instant();
        List<Views.InboxRow> rows = new ArrayList<>();
        for (var a : desk.list(Optional.of(ApprovalState.PENDING), s.caller())) {
            rows.add(new Views.InboxRow(a.id(), a.summary(), a.environment(), a.risk(), a.agent(), a.principal(),
                    Words.duration(Duration.between(a.createdAt(), now)), Words.duration(Duration.between(now, a.expiresAt())),
                    a.createdAt().toString()));
        }
        rows.sort((x, y) -> y.createdAt().compareTo(x.createdAt()));
        return rows;
    }

    private void approval(Context ctx, ConsoleSessions.Session s) {
        render(ctx, s, desk.open(ctx.pathParam("id"), s.caller()), Optional.ofNullable(ctx.queryParam("flash")).orElse(""), "");
    }

    private void render(Context ctx, ConsoleSessions.Session s, ViewResult view, String flash, String error) {
        ctx.html(Pages.render("approval", ApprovalPage.of(view, s.caller(), info("Approval", Optional.of(s)), flash, error, clock.instant(),
                recent(view.approval()))));
    }

    /** What the agent did in the same session before it asked (from the audit log), newest last. */
    private List<String> recent(dev.interlock.server.approval.Approval a) {
        if (a.session().isEmpty()) {
            return List.of();
        }
        var filter = new dev.interlock.server.report.Timeline.Filter(List.of("\"session\":\"" + a.session() + "\"",
                "\"principal\":\"" + a.principal() + "\""), a.createdAt().minus(Duration.ofHours(2)), a.createdAt().minusMillis(1));
        List<String> out = new ArrayList<>();
        for (var step : dev.interlock.server.report.Timeline.of(audit::read, filter)) {
            if (step.type().equals("decision")) {
                out.add(step.at() + " " + step.what());
            }
        }
        return out.size() > 10 ? out.subList(out.size() - 10, out.size()) : out;
    }

    private void approve(Context ctx, ConsoleSessions.Session s) {
        String id = ctx.pathParam("id");
        try {
            var r = desk.approve(id, s.caller(), Optional.ofNullable(ctx.formParam("comment")).orElse(""),
                    Optional.ofNullable(ctx.formParam("confirm")).orElse(""), grant(ctx));
            ctx.redirect("/console/approvals/" + id + "?flash=" + (r.resolved() ? "approved" : "your+approval+is+recorded"), HttpStatus.SEE_OTHER);
        } catch (ApprovalException e) {
            ctx.status(e.kind().httpStatus());
            render(ctx, s, desk.open(id, s.caller()), "", e.getMessage());
        }
    }

    /** "Approve as a grant" when the box is ticked: pattern, scope and duration (the service holds it to the rule's max_grant). */
    private static Optional<dev.interlock.server.approval.GrantRequest> grant(Context ctx) {
        if (!"yes".equals(ctx.formParam("grant"))) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|h)").matcher(Optional.ofNullable(ctx.formParam("duration")).orElse("").strip());
        if (!m.matches()) {
            throw new ApprovalException(ApprovalException.Kind.INVALID, "a grant's duration is a number and s, m or h (20m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        dev.interlock.server.approval.GrantScope scope;
        try {
            scope = dev.interlock.server.approval.GrantScope.parse(Optional.ofNullable(ctx.formParam("scope")).orElse("session"));
        } catch (IllegalArgumentException e) {
            throw new ApprovalException(ApprovalException.Kind.INVALID, "a grant's scope is session or principal");
        }
        return Optional.of(new dev.interlock.server.approval.GrantRequest(Optional.ofNullable(ctx.formParam("pattern")).orElse(""), scope, d));
    }

    private void deny(Context ctx, ConsoleSessions.Session s) {
        String id = ctx.pathParam("id");
        try {
            desk.deny(id, s.caller(), Optional.ofNullable(ctx.formParam("reason")).orElse("").strip());
            ctx.redirect("/console/approvals/" + id + "?flash=denied", HttpStatus.SEE_OTHER);
        } catch (ApprovalException e) {
            ctx.status(e.kind().httpStatus());
            render(ctx, s, desk.open(id, s.caller()), "", e.getMessage());
        }
    }

    // ---- audit

    private void audit(Context ctx, ConsoleSessions.Session s) throws IOException {
        AuditFilter filter = AuditFilter.of(ctx);
        List<Views.AuditRow> rows = new ArrayList<>();
        for (AuditEvent e : filter.apply(audit)) {
            rows.add(new Views.AuditRow(e.seq(), e.at().toString(), e.type(), AuditFilter.summary(e), e.hash(), e.prevHash(),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(e.body()))));
        }
        var v = verify.get();
        ctx.html(Pages.render("audit", new Views.Audit(info("Audit", Optional.of(s)), filter.type(), filter.text(), filter.from(), filter.to(),
                rows.reversed(), v.message(), v.ok(), filter.query(), List.of(new Views.Field("agent", "Agent", filter.agent()),
                new Views.Field("principal", "Principal", filter.principal()), new Views.Field("effect", "Effect", filter.effect()),
                new Views.Field("system", "System", filter.system()), new Views.Field("verb", "Verb", filter.verb()),
                new Views.Field("rule", "Rule", filter.rule()), new Views.Field("environment", "Environment", filter.environment())))));
    }

    private void export(Context ctx, ConsoleSessions.Session s) {
        StringBuilder out = new StringBuilder();
        for (AuditEvent e : AuditFilter.of(ctx).apply(audit)) {
            var line = Json.MAPPER.createObjectNode().put("seq", e.seq()).put("at", e.at().toString()).put("type", e.type());
            try {
                line.set("body", Json.MAPPER.readTree(e.body()));
            } catch (IOException ex) {
                line.put("body", e.body());
            }
            line.put("prev_hash", e.prevHash()).put("hash", e.hash());
            out.append(line).append('\n');
        }
        ctx.contentType("application/x-ndjson; charset=utf-8").header("Content-Disposition", "attachment; filename=\"interlock-audit.jsonl\"")
                .result(out.toString());
    }

    // ---- dashboard and incidents

    private Views.Dashboard dashboardOf(Context ctx, ConsoleSessions.Session s) {
        int threshold;
        try {
            threshold = Math.max(1, Integer.parseInt(Optional.ofNullable(ctx.queryParam("fast")).orElse("30")));
        } catch (NumberFormatException e) {
            threshold = 30;
        }
        var f = dev.interlock.server.report.Safety.of(audit::read, grants.get(), threshold, clock.instant(), dev.interlock.server.report.Safety.DAYS);
        return new Views.Dashboard(info("Dashboard", Optional.of(s)), f);
    }

    private void dashboard(Context ctx, ConsoleSessions.Session s) {
        ctx.html(Pages.render("dashboard", dashboardOf(ctx, s)));
    }

    /** The per-day series for the charts: x in seconds since the epoch, one array per effect. */
    private void dashboardJson(Context ctx, ConsoleSessions.Session s) {
        var d = dashboardOf(ctx, s);
        Map<String, List<Number>> series = new java.util.LinkedHashMap<>();
        for (String k : List.of("day", "allow", "ask", "require_approval", "deny", "blind")) {
            series.put(k, new ArrayList<>());
        }
        for (var row : d.figures().perDay()) {
            series.get("day").add(java.time.LocalDate.parse(row.day()).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond());
            series.get("allow").add(row.allow());
            series.get("ask").add(row.ask());
            series.get("require_approval").add(row.requireApproval());
            series.get("deny").add(row.deny());
            series.get("blind").add(row.blind());
        }
        ctx.json(series);
    }

    private void timeline(Context ctx, ConsoleSessions.Session s) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        String from = Optional.ofNullable(ctx.queryParam("from")).orElse("").strip();
        String to = Optional.ofNullable(ctx.queryParam("to")).orElse("").strip();
        var filter = new dev.interlock.server.report.Timeline.Filter(List.of(q), AuditFilter.instant(from, Instant.MIN), AuditFilter.instant(to, Instant.MAX));
        List<Views.Step> steps = new ArrayList<>();
        for (var step : dev.interlock.server.report.Timeline.of(audit::read, filter)) {
            steps.add(new Views.Step(step.seq(), step.at().toString(), step.type(), step.what(), step.control(), step.who()));
        }
        ctx.html(Pages.render("timeline", new Views.Timeline(info("Timeline", Optional.of(s)), q, from, to, steps)));
    }

    // ---- assets

    private void asset(Context ctx) throws IOException {
        secured(ctx).header("Cache-Control", "max-age=300");
        String file = ctx.pathParam("file");
        String[] served = STATIC.get(file);
        InputStream in = served == null ? null : ConsoleRoutes.class.getResourceAsStream(served[1]);
        if (in == null) {
            ctx.status(404).result("");
            return;
        }
        try (in) {
            ctx.contentType(served[0]).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
