package dev.interlock.server.audit;

import dev.interlock.server.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the audit tables of a {@link Database} without a signing key or a writer thread: what {@code audit verify}
 * and {@code audit export} need on a copy of the data directory.
 */
public final class AuditReader {

    /** Rows fetched per query when streaming: enough to amortise a round trip, few enough to bound memory. */
    public static final int PAGE = 5_000;

    private final Database db;

    public AuditReader(Database db) {
        this.db = db;
    }

    /** Events with {@code seq > after}, oldest first, at most {@code limit}. */
    public List<AuditEvent> events(long after, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, at, type, body, prev_hash, hash FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, after);
                ps.setInt(2, limit);
                List<AuditEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(event(rs));
                    }
                }
                return events;
            }
        });
    }

    /** Every event with {@code seq > after}, oldest first, read a page at a time as the iterator advances. */
    public Iterator<AuditEvent> stream(long after) {
        return new Iterator<>() {
            private long last = after;
            private Iterator<AuditEvent> page = List.<AuditEvent>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted) {
                    List<AuditEvent> next = events(last, PAGE);
                    exhausted = next.size() < PAGE;
                    page = next.iterator();
                }
                return page.hasNext();
            }

            @Override
            public AuditEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AuditEvent e = page.next();
                last = e.seq();
                return e;
            }
        };
    }

    /** Checkpoints with {@code seq >= from}, oldest first. One per thousand events by default, so a list is fine. */
    public List<AuditCheckpoint> checkpoints(long from) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, at, head_hash, key_id, public_key, signature FROM audit_checkpoints WHERE seq >= ? ORDER BY seq")) {
                ps.setLong(1, from);
                List<AuditCheckpoint> checkpoints = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        checkpoints.add(new AuditCheckpoint(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
                return checkpoints;
            }
        });
    }

    public Optional<AuditEvent> head() {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, at, type, body, prev_hash, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(event(rs)) : Optional.<AuditEvent>empty();
            }
        });
    }

    /** The first seq recorded at or after {@code since}; an export starts there and continues without gaps. */
    public OptionalLong firstSeqAtOrAfter(Instant since) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT min(seq) FROM audit_events WHERE at >= ?")) {
                ps.setLong(1, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long seq = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(seq);
                }
            }
        });
    }

    static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6));
    }
}
