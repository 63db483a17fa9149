package dev.interlock.server.approval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for approvals, their views and reviews; the same statements run on SQLite and PostgreSQL. Every state change is
 * a compare-and-set on {@code (id, state, version)} and reports whether it won, so concurrent servers cannot both
 * approve or consume one approval: the loser's update matches no row.
 */
final class ApprovalStore {

    private static final String COLUMNS = "id, fingerprint, state, created_at, expires_at, resolved_at, consumed_at, "
            + "token_id, principal, agent, session, summary, environment, risk, terms, request, decision, held, reason, "
            + "consumed_by, reported_at, version";

    /** Inserts a pending approval unless an identical one is pending (the partial unique index); true when inserted. */
    boolean insertPending(Connection c, Approval a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO approvals (" + COLUMNS + ") VALUES "
                + "(?, ?, 'pending', ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', NULL, 0) ON CONFLICT DO NOTHING")) {
            int i = 0;
            ps.setString(++i, a.id());
            ps.setString(++i, a.fingerprint());
            ps.setLong(++i, a.createdAt().toEpochMilli());
            ps.setLong(++i, a.expiresAt().toEpochMilli());
            ps.setString(++i, a.tokenId());
            ps.setString(++i, a.principal());
            ps.setString(++i, a.agent());
            ps.setString(++i, a.session());
            ps.setString(++i, a.summary());
            ps.setString(++i, a.environment());
            ps.setString(++i, a.risk());
            ps.setString(++i, ApprovalJson.terms(a.terms()));
            ps.setString(++i, a.requestJson());
            ps.setString(++i, a.decisionJson());
            ps.setString(++i, ApprovalJson.held(a.held()));
            return ps.executeUpdate() == 1;
        }
    }

    Optional<Approval> find(Connection c, String id) throws SQLException {
        List<Approval> found = query(c, "SELECT " + COLUMNS + " FROM approvals WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst().withReviews(reviews(c, id)));
    }

    /** All approvals of one request from one token, newest first. */
    List<Approval> byRequest(Connection c, String fingerprint, String tokenId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM approvals WHERE fingerprint = ? AND token_id = ? "
                + "ORDER BY created_at DESC, id DESC", fingerprint, tokenId);
    }

    Optional<Approval> pending(Connection c, String fingerprint, String tokenId) throws SQLException {
        List<Approval> found = query(c, "SELECT " + COLUMNS + " FROM approvals WHERE fingerprint = ? AND token_id = ? "
                + "AND state = 'pending'", fingerprint, tokenId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst().withReviews(reviews(c, found.getFirst().id())));
    }

    /** Newest first; {@code state} and {@code principal} filter when non-empty. */
    List<Approval> list(Connection c, Optional<ApprovalState> state, Optional<String> principal, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM approvals WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        state.ifPresent(s -> {
            sql.append(" AND state = ?");
            params.add(s.wire());
        });
        principal.ifPresent(p -> {
            sql.append(" AND principal = ?");
            params.add(p);
        });
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add((long) limit);
        List<Approval> out = new ArrayList<>();
        for (Approval a : query(c, sql.toString(), params.toArray())) {
            out.add(a.withReviews(reviews(c, a.id())));
        }
        return out;
    }

    /** Open approvals whose expiry has passed (for a sweep). */
    List<Approval> due(Connection c, Instant now) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM approvals WHERE state IN ('pending', 'approved') AND expires_at <= ?",
                now.toEpochMilli());
    }

    /** pending/approved → expired, if still open, unchanged and due. */
    boolean expire(Connection c, Approval a, Instant now) throws SQLException {
        return update(c, "UPDATE approvals SET state = 'expired', resolved_at = ?, version = version + 1 "
                + "WHERE id = ? AND state = ? AND version = ? AND expires_at <= ?",
                now.toEpochMilli(), a.id(), a.state().wire(), a.version(), now.toEpochMilli());
    }

    /** pending → expired before its time, because the policy now asks for different terms. */
    boolean supersede(Connection c, Approval a, Instant now) throws SQLException {
        return update(c, "UPDATE approvals SET state = 'expired', reason = ?, resolved_at = ?, version = version + 1 "
                + "WHERE id = ? AND state = 'pending' AND version = ?",
                "superseded: the policy changed while it was pending and the request was held again under the new terms",
                now.toEpochMilli(), a.id(), a.version());
    }

    /** pending → approved or denied (with the denial reason). */
    boolean resolve(Connection c, Approval a, ApprovalState to, String reason, Instant now) throws SQLException {
        return update(c, "UPDATE approvals SET state = ?, reason = ?, resolved_at = ?, version = version + 1 "
                + "WHERE id = ? AND state = 'pending' AND version = ?",
                to.wire(), reason, now.toEpochMilli(), a.id(), a.version());
    }

    /** A review that does not decide yet still bumps the version, so a concurrent decisive review loses its CAS. */
    boolean touch(Connection c, Approval a) throws SQLException {
        return update(c, "UPDATE approvals SET version = version + 1 WHERE id = ? AND state = 'pending' AND version = ?",
                a.id(), a.version());
    }

    /** approved → consumed by one decision; at most one caller ever wins. */
    boolean consume(Connection c, Approval a, String decisionId, Instant now) throws SQLException {
        return update(c, "UPDATE approvals SET state = 'consumed', consumed_at = ?, consumed_by = ?, version = version + 1 "
                + "WHERE id = ? AND state = 'approved' AND version = ? AND expires_at > ?",
                now.toEpochMilli(), decisionId, a.id(), a.version(), now.toEpochMilli());
    }

    /** Marks a denial as told to the agent; at most one caller wins. */
    boolean report(Connection c, Approval a, Instant now) throws SQLException {
        return update(c, "UPDATE approvals SET reported_at = ? WHERE id = ? AND state = 'denied' AND reported_at IS NULL",
                now.toEpochMilli(), a.id());
    }

    /** Records a reviewer's first view; later views do not move it. Returns (first seen, whether this call recorded it). */
    FirstView view(Connection c, String approvalId, String reviewer, Instant now) throws SQLException {
        boolean inserted = update(c, "INSERT INTO approval_views (approval_id, reviewer, first_seen_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", approvalId, reviewer, now.toEpochMilli());
        return new FirstView(firstView(c, approvalId, reviewer).orElseThrow(), inserted);
    }

    record FirstView(Instant at, boolean recorded) {
    }

    Optional<Instant> firstView(Connection c, String approvalId, String reviewer) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT first_seen_at FROM approval_views WHERE approval_id = ? AND reviewer = ?",
                approvalId, reviewer); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
        }
    }

    /** False when this reviewer already reviewed (the primary key): a reviewer reviews once. */
    boolean insertReview(Connection c, Review r) throws SQLException {
        return update(c, "INSERT INTO approval_reviews (approval_id, reviewer, verdict, comment, at, review_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                r.approvalId(), r.reviewer(), r.verdict().wire(), r.comment(), r.at().toEpochMilli(), r.reviewMs());
    }

    List<Review> reviews(Connection c, String approvalId) throws SQLException {
        List<Review> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT reviewer, verdict, comment, at, review_ms FROM approval_reviews "
                + "WHERE approval_id = ? ORDER BY at, reviewer", approvalId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Review(approvalId, rs.getString(1), Verdict.parse(rs.getString(2)), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Duration.ofMillis(rs.getLong(5))));
            }
        }
        return out;
    }

    private static List<Approval> query(Connection c, String sql, Object... params) throws SQLException {
        List<Approval> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static boolean update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate() == 1;
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            switch (params[i]) {
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setLong(i + 1, n);
                case String s -> ps.setString(i + 1, s);
                default -> throw new IllegalArgumentException("unsupported SQL parameter " + params[i]);
            }
        }
        return ps;
    }

    private static Approval read(ResultSet rs) throws SQLException {
        return new Approval(rs.getString("id"), rs.getString("fingerprint"), ApprovalState.parse(rs.getString("state")),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                optionalInstant(rs, "resolved_at"), optionalInstant(rs, "consumed_at"), rs.getString("token_id"),
                rs.getString("principal"), rs.getString("agent"), rs.getString("session"), rs.getString("summary"),
                rs.getString("environment"), rs.getString("risk"), ApprovalJson.terms(rs.getString("terms")),
                rs.getString("request"), rs.getString("decision"), ApprovalJson.held(rs.getString("held")),
                rs.getString("reason"), rs.getString("consumed_by"), optionalInstant(rs, "reported_at"),
                rs.getLong("version"), List.of());
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
