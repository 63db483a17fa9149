package dev.interlock.server.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the real PostgreSQL server that {@code .ci/postgres} starts ({@code INTERLOCK_TEST_POSTGRES_URL}).
 * Without that server the tests are skipped on a developer's machine and fail in CI, where they must run.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** The admin URL, or a skip (locally) / failure (CI) when no server was started. */
    public static String adminUrl() {
        String url = System.getenv("INTERLOCK_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("INTERLOCK_TEST_POSTGRES_URL is not set: .ci/run must start PostgreSQL (bash .ci/postgres)");
            }
            Assumptions.abort("no PostgreSQL: run eval \"$(bash .ci/postgres)\" first");
        }
        return url;
    }

    /** Creates an empty database and returns its postgresql:// URL. */
    public static String freshDatabase() {
        String admin = adminUrl();
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        String jdbc = admin.replaceFirst("^postgres(ql)?://([^@/]*@)?", "jdbc:postgresql://");
        String user = admin.replaceFirst("^postgres(ql)?://", "").contains("@")
                ? admin.replaceFirst("^postgres(ql)?://", "").split("@")[0].split(":")[0] : "postgres";
        try (Connection c = DriverManager.getConnection(jdbc, user, "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + jdbc + ": " + e.getMessage(), e);
        }
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }
}
