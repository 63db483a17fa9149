package dev.interlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void sqliteIsMigratedInWalMode(@TempDir Path dir) {
        try (Database db = Database.open("", dir)) {
            assertThat(db.dialect()).isEqualTo(Database.Dialect.SQLITE);
            String mode = db.transaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
            int tables = db.transaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('audit_events','approvals','grants','tokens','decisions')")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(tables).isEqualTo(5);
            assertThat(db.healthy()).isTrue();
        }
        // Reopening runs no migration twice.
        try (Database db = Database.open("", dir)) {
            assertThat(db.healthy()).isTrue();
        }
    }

    @Test
    void sqliteSyncsEveryCommitUnlessTheUrlSaysNormal(@TempDir Path dir) {
        try (Database db = Database.open("", dir)) {
            assertThat(synchronous(db)).isEqualTo(2); // FULL
        }
        try (Database db = Database.open("sqlite:?synchronous=normal", dir)) {
            assertThat(synchronous(db)).isEqualTo(1); // NORMAL
            assertThat(db.healthy()).isTrue();
        }
        assertThat(dir.resolve("interlock.db")).exists();
        assertThatThrownBy(() -> Database.open("sqlite:?synchronous=off", dir))
                .isInstanceOf(StorageException.class).hasMessageContaining("synchronous=normal");
    }

    private static int synchronous(Database db) {
        return db.transaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA synchronous")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void postgresqlIsMigrated() {
        String url = TestPostgres.freshDatabase();
        try (Database db = Database.open(url, Path.of("."))) {
            assertThat(db.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
            long n = db.transaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM approvals")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(n).isZero();
        }
        try (Database again = Database.open(url, Path.of("."))) {
            assertThat(again.healthy()).isTrue();
        }
    }

    @Test
    void anUnreachablePostgresqlIsAClearError() {
        assertThatThrownBy(() -> Database.open("postgresql://nobody:secret@127.0.0.1:1/none", Path.of(".")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("secret");
    }
}
