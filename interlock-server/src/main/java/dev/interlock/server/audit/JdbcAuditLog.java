package dev.interlock.server.audit;

import dev.interlock.json.CanonicalJson;

import dev.interlock.server.storage.Database;
import dev.interlock.server.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The audit log in the {@code audit_events} and {@code audit_checkpoints} tables of a {@link Database}.
 *
 * <p>Each event is chained to the one before it:
 * <pre>
 *   body = CanonicalJson({"seq": seq, "at": "ISO-8601 UTC", "type": type, "data": redacted data})
 *   hash = hex(SHA-256(prev_hash + body))     (prev_hash is the previous event's hash as 64 lowercase hex digits;
 *                                               for seq 1 it is 64 zeros)
 * </pre>
 * Every {@link Settings#checkpointEvery} events, and on close, the head is signed with the server's Ed25519 key:
 * {@code signature = Ed25519(seq + ":" + head_hash)} (see {@link AuditChain}).
 *
 * <p><b>Group commit.</b> A decision's event must be durable before the decision is returned, and one fsync per event
 * would cap SQLite at a few hundred events a second. So callers queue their event and wait; one writer thread takes
 * everything queued, writes it in one transaction (one fsync) and then releases every caller of that batch, or fails
 * them all with {@link StorageException} so that they fail closed.
 *
 * <p><b>One chain for several servers.</b> The batch transaction first takes a lock that every writer of the database
 * shares ({@code pg_advisory_xact_lock} on PostgreSQL, {@code BEGIN IMMEDIATE} on SQLite) and only then reads the head,
 * so servers (or processes on one SQLite file) that append at the same time still build one gap-free chain.
 */
public final class JdbcAuditLog implements AuditLog {

    /**
     * @param checkpointEvery sign the head whenever seq is a multiple of this
     * @param queueCapacity   events waiting for the writer; beyond it {@link #append} waits up to {@code enqueueTimeout}
     * @param maxBatch        events per transaction
     */
    public record Settings(int checkpointEvery, int queueCapacity, int maxBatch, Duration enqueueTimeout) {
        public Settings {
            if (checkpointEvery < 1 || queueCapacity < 1 || maxBatch < 1) {
                throw new IllegalArgumentException("audit settings must be positive: " + checkpointEvery + ", "
                        + queueCapacity + ", " + maxBatch);
            }
        }

        public static Settings defaults() {
            return new Settings(1000, 10_000, 1000, Duration.ofSeconds(30));
        }

        public Settings withCheckpointEvery(int n) {
            return new Settings(n, queueCapacity, maxBatch, enqueueTimeout);
        }
    }

    /** Shared by every server on one PostgreSQL database: the bytes of "IntlAudi". */
    static final long ADVISORY_LOCK = 0x496e746c41756469L;

    /** {@code soon}: no caller waits for this event, so it may wait a little for a batch to join (see {@link #appendSoon}). */
    private record Pending(String type, String data, Attached attached, boolean soon, CompletableFuture<AuditEvent> done) {
    }

    /** How long an event no caller waits for may wait for one that a caller does, to share its commit. */
    static final long SOON_MILLIS = 20;

    private final Database db;
    private final AuditKey key;
    private final Settings settings;
    private final Clock clock;
    private final Redactor redactor;
    private final AuditReader reader;
    private final BlockingQueue<Pending> queue;
    // Appenders hold the read side while they enqueue; close takes the write side, so that once closed is set no
    // event can slip into the queue after the writer's last look at it.
    private final ReentrantReadWriteLock admission = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final Thread writer;

    public JdbcAuditLog(Database db, AuditKey key) {
        this(db, key, Settings.defaults(), Clock.systemUTC(), Redactor.standard());
    }

    public JdbcAuditLog(Database db, AuditKey key, Settings settings, Clock clock, Redactor redactor) {
        this.db = db;
        this.key = key;
        this.settings = settings;
        this.clock = clock;
        this.redactor = redactor;
        this.reader = new AuditReader(db);
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = Thread.ofPlatform().name("interlock-audit-writer").daemon(true).start(this::writeLoop);
    }

    @Override
    public AuditEvent append(String type, Map<String, Object> data, Attached attached, boolean redact) {
        CompletableFuture<AuditEvent> done = enqueue(type, data, attached, redact, false);
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StorageException s ? s
                    : new StorageException("cannot record the audit event '" + type + "': " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while the audit event '" + type + "' was being committed; it may or"
                    + " may not be recorded", e);
        }
    }

    @Override
    public CompletableFuture<AuditEvent> appendSoon(String type, Map<String, Object> data, Attached attached) {
        try {
            return enqueue(type, data, attached, true, true);
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<AuditEvent> enqueue(String type, Map<String, Object> data, Attached attached, boolean redact, boolean soon) {
        Map<String, Object> given = data == null ? Map.of() : data;
        // Redaction and canonical JSON run here, on the caller's thread, in parallel; the writer only chains and stores.
        Pending pending = new Pending(type, CanonicalJson.write(redact ? redactor.redactTree(given) : given), attached, soon,
                new CompletableFuture<>());
        admission.readLock().lock();
        try {
            if (closed) {
                throw new StorageException("the audit log is closed; the event '" + type + "' was not recorded");
            }
            if (!queue.offer(pending, settings.enqueueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StorageException("the audit log queue stayed full for " + settings.enqueueTimeout()
                        + " (" + db.description() + " is not keeping up); the event '" + type + "' was not recorded");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted before the audit event '" + type + "' was queued; it was not recorded", e);
        } finally {
            admission.readLock().unlock();
        }
        return pending.done();
    }

    @Override
    public List<AuditEvent> read(long after, int limit) {
        return reader.events(after, limit);
    }

    @Override
    public Optional<AuditEvent> head() {
        return reader.head();
    }

    /** The key whose public half verifies this server's checkpoints. */
    public AuditKey key() {
        return key;
    }

    /** Waits for queued events to commit, signs the head and stops the writer. Appending afterwards throws. */
    @Override
    public void close() {
        admission.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            admission.writeLock().unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while closing the audit log; the final checkpoint may be missing", e);
        }
        inTransaction(c -> {
            Optional<Head> head = lockAndReadHead(c);
            if (head.isPresent()) {
                checkpoint(c, head.get().seq(), head.get().hash(), now());
            }
            return null;
        });
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            Pending first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, settings.maxBatch() - 1);
            if (first.soon()) {
                lingerForWaited(batch);
            }
            writeBatch(batch);
            batch.clear();
        }
    }

    /**
     * Only events no one waits for so far: wait up to {@link #SOON_MILLIS} for one that someone does (the next
     * decision, say), so that both share one commit instead of the waited one queueing behind this batch's fsync.
     */
    private void lingerForWaited(List<Pending> batch) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SOON_MILLIS);
        while (batch.size() < settings.maxBatch() && batch.stream().allMatch(Pending::soon) && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return;
                }
                batch.add(next);
                queue.drainTo(batch, settings.maxBatch() - batch.size());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void writeBatch(List<Pending> batch) {
        List<AuditEvent> written;
        try {
            written = inTransaction(c -> insert(c, batch));
        } catch (Throwable e) {
            StorageException failure = e instanceof StorageException s ? s
                    : new StorageException("cannot write " + batch.size() + " audit events to " + db.description() + ": " + e, e);
            for (Pending p : batch) {
                p.done().completeExceptionally(failure);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(written.get(i));
        }
    }

    private List<AuditEvent> insert(Connection c, List<Pending> batch) throws SQLException {
        Head head = lockAndReadHead(c).orElse(new Head(0, AuditChain.GENESIS));
        Instant at = now();
        List<AuditEvent> events = new ArrayList<>(batch.size());
        long seq = head.seq();
        String prev = head.hash();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_events (seq, at, type, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Pending p : batch) {
                seq++;
                String body = AuditChain.body(seq, at, p.type(), p.data());
                String hash = AuditChain.hash(prev, body);
                ps.setLong(1, seq);
                ps.setLong(2, at.toEpochMilli());
                ps.setString(3, p.type());
                ps.setString(4, body);
                ps.setString(5, prev);
                ps.setString(6, hash);
                ps.addBatch();
                events.add(new AuditEvent(seq, at, p.type(), body, prev, hash));
                prev = hash;
            }
            ps.executeBatch();
        }
        // Rows that describe an event (a decision, an execution) commit with it, or neither does.
        Map<String, PreparedStatement> attached = new java.util.HashMap<>();
        try {
            for (int i = 0; i < batch.size(); i++) {
                Attached a = batch.get(i).attached();
                if (a != null) {
                    PreparedStatement ps = attached.get(a.sql());
                    if (ps == null) {
                        ps = c.prepareStatement(a.sql());
                        attached.put(a.sql(), ps);
                    }
                    a.binder().bind(ps, events.get(i));
                    ps.addBatch();
                }
            }
            for (PreparedStatement ps : attached.values()) {
                ps.executeBatch();
            }
        } finally {
            for (PreparedStatement ps : attached.values()) {
                ps.close();
            }
        }
        for (AuditEvent e : events) {
            if (e.seq() % settings.checkpointEvery() == 0) {
                checkpoint(c, e.seq(), e.hash(), at);
            }
        }
        return events;
    }

    private void checkpoint(Connection c, long seq, String headHash, Instant at) throws SQLException {
        // Another server may have signed the same head already (on close); its checkpoint is as good as ours.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoints (seq, at, head_hash, key_id, public_key,"
                + " signature) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING")) {
            ps.setLong(1, seq);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, headHash);
            ps.setString(4, key.keyId());
            ps.setString(5, key.publicKeyBase64());
            ps.setString(6, key.sign(AuditChain.signedText(seq, headHash)));
            ps.executeUpdate();
        }
    }

    private record Head(long seq, String hash) {
    }

    private Optional<Head> lockAndReadHead(Connection c) throws SQLException {
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, ADVISORY_LOCK);
                ps.executeQuery().close();
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getString(2))) : Optional.empty();
        }
    }

    private Instant now() {
        // The column keeps milliseconds; the body must say exactly what the column says.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * One transaction that holds the database's write lock from its first statement. On SQLite that is
     * {@code BEGIN IMMEDIATE}: a deferred transaction would read the head under a shared lock and could then lose
     * the upgrade to a writer in another process (SQLITE_BUSY) after having chosen its seq.
     */
    private <T> T inTransaction(Database.Work<T> work) {
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            return db.transaction(work);
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            try {
                T result = work.run(c);
                try (Statement st = c.createStatement()) {
                    st.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("storage failed (" + db.description() + "): " + e.getMessage(), e);
        }
    }
}
