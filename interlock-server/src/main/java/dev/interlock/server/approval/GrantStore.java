package dev.interlock.server.approval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * SQL for grants. {@code rule_id} and {@code resource_pattern} hold one entry per line (a grant may cover several
 * rules and addresses). Uses and revocations are conditional updates, so a revoked or expired grant is never used.
 */
final class GrantStore {

    private static final String COLUMNS = "id, approval_id, rule_id, resource_pattern, scope, session, principal, "
            + "created_by, created_at, expires_at, revoked_at, revoked_by, uses";

    void insert(Connection c, Grant g) throws SQLException {
        try (PreparedStatement ps = ApprovalStore.prepare(c, "INSERT INTO grants (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '', 0)", g.id(), g.approvalId(),
                String.join("\n", g.ruleIds()), String.join("\n", g.resourcePatterns()), g.scope().wire(), g.session(),
                g.principal(), g.createdBy(), g.createdAt().toEpochMilli(), g.expiresAt().toEpochMilli())) {
            ps.executeUpdate();
        }
    }

    Optional<Grant> find(Connection c, String id) throws SQLException {
        List<Grant> found = query(c, "SELECT " + COLUMNS + " FROM grants WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Unrevoked, unexpired grants of a principal, the soonest to expire first. */
    List<Grant> usable(Connection c, String principal, Instant now) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM grants WHERE principal = ? AND revoked_at IS NULL AND expires_at > ? "
                + "ORDER BY expires_at, id", principal, now.toEpochMilli());
    }

    List<Grant> list(Connection c, boolean activeOnly, Instant now) throws SQLException {
        return activeOnly
                ? query(c, "SELECT " + COLUMNS + " FROM grants WHERE revoked_at IS NULL AND expires_at > ? "
                        + "ORDER BY created_at DESC, id DESC", now.toEpochMilli())
                : query(c, "SELECT " + COLUMNS + " FROM grants ORDER BY created_at DESC, id DESC");
    }

    /** Counts one use, unless the grant was revoked or expired meanwhile. */
    boolean use(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement ps = ApprovalStore.prepare(c, "UPDATE grants SET uses = uses + 1 "
                + "WHERE id = ? AND revoked_at IS NULL AND expires_at > ?", id, now.toEpochMilli())) {
            return ps.executeUpdate() == 1;
        }
    }

    boolean revoke(Connection c, String id, String by, Instant now) throws SQLException {
        try (PreparedStatement ps = ApprovalStore.prepare(c, "UPDATE grants SET revoked_at = ?, revoked_by = ? "
                + "WHERE id = ? AND revoked_at IS NULL", now.toEpochMilli(), by, id)) {
            return ps.executeUpdate() == 1;
        }
    }

    private static List<Grant> query(Connection c, String sql, Object... params) throws SQLException {
        List<Grant> out = new ArrayList<>();
        try (PreparedStatement ps = ApprovalStore.prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Grant(rs.getString("id"), rs.getString("approval_id"), lines(rs.getString("rule_id")),
                        lines(rs.getString("resource_pattern")), GrantScope.parse(rs.getString("scope")),
                        rs.getString("session"), rs.getString("principal"), rs.getString("created_by"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                        ApprovalStore.optionalInstant(rs, "revoked_at"), rs.getString("revoked_by"), rs.getLong("uses")));
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
