package dev.interlock.server.decisions;

import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Operation;
import dev.interlock.model.SessionHistory;
import dev.interlock.model.Verb;
import dev.interlock.model.Wire;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recorded decisions: what {@code GET /v1/decisions/{id}} returns and what a session's history is built from. Rows are
 * written in the same transaction as the decision's audit event, so one never exists without the other.
 */
public final class DecisionStore {

    /** How far back a session's history reaches, and how many decisions it holds at most. */
    public static final Duration HISTORY_WINDOW = Duration.ofHours(1);
    public static final int HISTORY_LIMIT = 2_000;

    private final Database db;

    public DecisionStore(Database db) {
        this.db = db;
    }

    /** The decision's row, written in its audit event's transaction. */
    public static AuditLog.Attached row(Decision d, String principal, String agent, String session, String fingerprint,
                                        Instant at, String body) {
        String verbs = d.operations().stream().map(op -> op.verb().wire()).collect(Collectors.joining(","));
        String addresses = d.operations().stream().map(Operation::address).map(a -> a.replace('\n', ' '))
                .collect(Collectors.joining("\n"));
        return new AuditLog.Attached("INSERT INTO decisions (decision_id, at, principal, agent, session, effect, fingerprint, verbs, "
                + "addresses, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (ps, e) -> {
                    ps.setString(1, d.decisionId());
                    ps.setLong(2, at.toEpochMilli());
                    ps.setString(3, principal);
                    ps.setString(4, agent);
                    ps.setString(5, session);
                    ps.setString(6, d.effect().wire());
                    ps.setString(7, fingerprint);
                    ps.setString(8, verbs);
                    ps.setString(9, addresses);
                    ps.setString(10, body);
                });
    }

    public Optional<Recorded> get(String decisionId) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT principal, agent, session, effect, body, at FROM decisions WHERE decision_id = ?")) {
                ps.setString(1, decisionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Recorded(decisionId, rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))))
                            : Optional.empty();
                }
            }
        });
    }

    /** A recorded decision: who asked, its effect, and the decision JSON as it was answered. */
    public record Recorded(String decisionId, String principal, String agent, String session, String effect, String body, Instant at) {
    }

    /** What {@code session} did in the last hour, as the policy's {@code session.*} functions see it. */
    public SessionHistory history(String session, Instant now) {
        if (session.isEmpty()) {
            return new SessionHistory(now, List.of());
        }
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at, effect, verbs, addresses FROM decisions "
                    + "WHERE session = ? AND at >= ? ORDER BY at DESC LIMIT " + HISTORY_LIMIT)) {
                ps.setString(1, session);
                ps.setLong(2, now.minus(HISTORY_WINDOW).toEpochMilli());
                List<SessionHistory.Entry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new SessionHistory.Entry(Instant.ofEpochMilli(rs.getLong(1)), Wire.parse(Effect.class, rs.getString(2)),
                                verbs(rs.getString(3)), rs.getString(4).isEmpty() ? List.of() : Arrays.asList(rs.getString(4).split("\n"))));
                    }
                }
                return new SessionHistory(now, entries);
            }
        });
    }

    private static List<Verb> verbs(String csv) {
        if (csv.isEmpty()) {
            return List.of();
        }
        List<Verb> out = new ArrayList<>();
        for (String v : csv.split(",")) {
            out.add(Wire.parse(Verb.class, v));
        }
        return out;
    }

    /**
     * The latest allowed decision for this request (its fingerprint) by this principal in this session within
     * {@code since}, whose outcome is not reported yet: what an agent's after-the-tool event is about.
     */
    public Optional<Recorded> latestUnreported(String session, String fingerprint, String principal, Instant since) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT decision_id, principal, agent, session, effect, body, at FROM decisions "
                    + "WHERE session = ? AND at >= ? AND fingerprint = ? AND principal = ? AND effect = 'allow' "
                    + "AND decision_id NOT IN (SELECT decision_id FROM executions) ORDER BY at DESC LIMIT 1")) {
                ps.setString(1, session);
                ps.setLong(2, since.toEpochMilli());
                ps.setString(3, fingerprint);
                ps.setString(4, principal);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Recorded>empty();
                    }
                    return Optional.of(new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
        });
    }

    /** An outcome an adapter reported, written in its audit event's transaction. */
    public static AuditLog.Attached execution(String decisionId, int exitCode, long durationMs, String reportedBy, Instant at) {
        return new AuditLog.Attached("INSERT INTO executions (decision_id, at, exit_code, duration_ms, reported_by) VALUES (?, ?, ?, ?, ?)",
                (ps, e) -> {
                    ps.setString(1, decisionId);
                    ps.setLong(2, at.toEpochMilli());
                    ps.setInt(3, exitCode);
                    ps.setLong(4, durationMs);
                    ps.setString(5, reportedBy);
                });
    }
}
