package dev.interlock.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One database for every store. SQLite in WAL mode with full sync (a committed row survives kill -9 and power loss)
 * in the data directory by default ({@link Sync}); PostgreSQL when several servers share state. The schema is migrated by Flyway
 * from {@code db/migration/<dialect>} on open.
 */
public final class Database implements AutoCloseable {

    public enum Dialect { SQLITE, POSTGRESQL }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Dialect dialect;
    private final HikariDataSource pool;
    private final String description;

    private Database(Dialect dialect, HikariDataSource pool, String description) {
        this.dialect = dialect;
        this.pool = pool;
        this.description = description;
    }

    /**
     * How SQLite makes a commit durable. {@code FULL} (the default) syncs the write-ahead log on every commit, so a
     * committed decision survives power loss; {@code NORMAL} syncs it only at checkpoints, so a commit survives the
     * process being killed but the last ones may be lost if the machine loses power — for deployments that trade that
     * for about half a millisecond less per decision.
     */
    public enum Sync { FULL, NORMAL }

    /**
     * Opens {@code url} ({@code postgresql://user:password@host:port/db}, {@code jdbc:postgresql://…},
     * {@code sqlite:FILE}) or, when it is empty, SQLite at {@code dataDir/interlock.db}; migrates the schema. A SQLite
     * URL may end in {@code ?synchronous=normal} (and name no file: {@code sqlite:?synchronous=normal} is the data
     * directory's database).
     */
    public static Database open(String url, Path dataDir) {
        if (url == null || url.isBlank()) {
            return sqlite(dataDir.resolve("interlock.db"));
        }
        if (url.startsWith("sqlite:")) {
            String rest = url.substring("sqlite:".length());
            int q = rest.indexOf('?');
            String query = q < 0 ? "" : rest.substring(q + 1);
            String path = q < 0 ? rest : rest.substring(0, q);
            return sqlite(path.isEmpty() ? dataDir.resolve("interlock.db") : Path.of(path), sync(query, url));
        }
        return postgresql(url);
    }

    private static Sync sync(String query, String url) {
        return switch (query.toLowerCase(java.util.Locale.ROOT)) {
            case "", "synchronous=full" -> Sync.FULL;
            case "synchronous=normal" -> Sync.NORMAL;
            default -> throw new StorageException("unsupported SQLite option in '" + url
                    + "': the only option is ?synchronous=full (the default) or ?synchronous=normal");
        };
    }

    public static Database sqlite(Path file) {
        return sqlite(file, Sync.FULL);
    }

    public static Database sqlite(Path file, Sync sync) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create the data directory for " + file + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.setPoolName("interlock-sqlite");
        config.setMaximumPoolSize(16);
        config.setConnectionInitSql("PRAGMA journal_mode=WAL; PRAGMA synchronous=" + sync + "; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384");
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", sync.name());
        config.addDataSourceProperty("busy_timeout", "10000");
        return migrated(Dialect.SQLITE, config, "sqlite:" + file.toAbsolutePath() + (sync == Sync.FULL ? "" : "?synchronous=normal"));
    }

    public static Database postgresql(String url) {
        HikariConfig config = new HikariConfig();
        String shown = url;
        if (url.startsWith("jdbc:postgresql:")) {
            config.setJdbcUrl(url);
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            URI uri = URI.create(url);
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            config.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                config.setUsername(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                if (colon >= 0) {
                    config.setPassword(decode(userInfo.substring(colon + 1)));
                }
            }
            shown = "postgresql://" + uri.getHost() + ":" + port + uri.getRawPath();
        } else {
            throw new StorageException("unsupported database URL '" + url + "': use postgresql://user:password@host:port/db");
        }
        config.setPoolName("interlock-postgresql");
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(3_000);
        return migrated(Dialect.POSTGRESQL, config, shown);
    }

    private static Database migrated(Dialect dialect, HikariConfig config, String description) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot connect to " + description + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StorageException("cannot migrate the schema of " + description + ": " + rootMessage(e), e);
        }
        return new Database(dialect, pool, description);
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Where the data lives, without credentials. */
    public String description() {
        return description;
    }

    /** Attempts of a transaction that lost a race (SQLite busy, PostgreSQL serialization failure or deadlock)... */
    static final int ATTEMPTS = 12;

    /**
     * ...or, when more are needed, for this long: as long as SQLite's busy_timeout lets a writer wait for the lock.
     * Twelve attempts (about 0.4 s of backoff) are too few under load on a busy machine, where every attempt can lose
     * again to the audit writer's next commit; a decision must not fail closed merely because the machine is slow.
     */
    static final long RETRY_BUDGET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. A transaction that
     * loses a race to another writer — SQLite answers "busy" at once when a reader's snapshot must be upgraded to a
     * write after someone else committed — is rolled back and run again, so {@code work} must only touch the database.
     */
    public <T> T transaction(Work<T> work) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if ((attempt < ATTEMPTS || System.nanoTime() - started < RETRY_BUDGET_NANOS) && lostRace(e)) {
                    backoff(attempt);
                    continue;
                }
                throw new StorageException("storage failed (" + description + "): " + e.getMessage(), e);
            }
        }
    }

    private boolean lostRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                String message = s.getMessage() == null ? "" : s.getMessage();
                if (dialect == Dialect.SQLITE && (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")
                        || (s.getErrorCode() & 0xff) == 5 || (s.getErrorCode() & 0xff) == 6)) {
                    return true;
                }
                if (dialect == Dialect.POSTGRESQL && (state.equals("40001") || state.equals("40P01"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void backoff(int attempt) {
        long millis = Math.min(50, 1L << Math.min(attempt, 6)) + java.util.concurrent.ThreadLocalRandom.current().nextLong(3);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while retrying a transaction", ie);
        }
    }

    /** True when the database answers a trivial query within a second. */
    public boolean healthy() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
