package dev.interlock.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.decision.Fingerprint;
import dev.interlock.server.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path dir;

    private Database db;
    private TokenStore tokens;

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("interlock.db"));
        tokens = new TokenStore(db, Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsStored() {
        CreatedToken created = tokens.create(Role.AGENT, "alice", "claude-code", List.of(), "laptop", "root");
        assertThat(created.secret()).matches("il_[A-Za-z0-9_-]{43}");
        assertThat(created.toString()).doesNotContain(created.secret());
        String stored = db.transaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM tokens")) {
                StringBuilder row = new StringBuilder();
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                }
                return row.toString();
            }
        });
        assertThat(stored).doesNotContain(created.secret().substring(3)).contains(Fingerprint.sha256(created.secret()));
        assertThat(tokens.list()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(created.token().id());
            assertThat(t.createdBy()).isEqualTo("root");
            assertThat(t.createdAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        });
    }

    @Test
    void authenticateResolvesTheCallerUntilRevoked() {
        CreatedToken bob = tokens.create(Role.APPROVER, "bob", "", List.of("sre", "dba"), "", "root");
        Caller caller = tokens.authenticate(bob.secret()).orElseThrow();
        assertThat(caller).isEqualTo(new Caller(bob.token().id(), Role.APPROVER, "bob", "", List.of("sre", "dba")));
        assertThat(caller.isHuman()).isTrue();
        assertThat(caller.inGroup("sre")).isTrue();
        assertThat(tokens.authenticate(bob.secret() + "x")).isEmpty();
        assertThat(tokens.authenticate("il_" + "A".repeat(43))).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();

        TokenRevoked revoked = tokens.revoke(bob.token().id(), "root");
        assertThat(revoked.token().revokedBy()).isEqualTo("root");
        assertThat(revoked.token().revoked()).isTrue();
        assertThat(tokens.authenticate(bob.secret())).isEmpty();
        assertThatThrownBy(() -> tokens.revoke(bob.token().id(), "root")).isInstanceOfSatisfying(TokenException.class,
                e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.CONFLICT));
        assertThatThrownBy(() -> tokens.revoke("tok_nope", "root")).isInstanceOfSatisfying(TokenException.class,
                e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.NOT_FOUND));
    }

    @Test
    void onlyAdminsCreateOrRevokeTokensOverTheNetwork() {
        Caller admin = tokens.authenticate(tokens.create(Role.ADMIN, "root", "", List.of(), "", "setup").secret()).orElseThrow();
        Caller agent = tokens.authenticate(tokens.create(Role.AGENT, "alice", "kiro", List.of(), "", "setup").secret()).orElseThrow();
        Caller approver = tokens.authenticate(tokens.create(Role.APPROVER, "bob", "", List.of("sre"), "", "setup").secret()).orElseThrow();
        for (Caller notAdmin : List.of(agent, approver)) {
            assertThatThrownBy(() -> tokens.create(notAdmin, Role.ADMIN, "mallory", "", List.of(), ""))
                    .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.FORBIDDEN));
            assertThatThrownBy(() -> tokens.revoke(admin.tokenId(), notAdmin))
                    .isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.kind()).isEqualTo(TokenException.Kind.FORBIDDEN));
        }
        CreatedToken made = tokens.create(admin, Role.APPROVER, "carol", "", List.of("sre"), "on call");
        assertThat(made.token().createdBy()).isEqualTo("root");
        assertThat(tokens.revoke(made.token().id(), admin).revokedBy()).isEqualTo("root");
    }

    @Test
    void malformedTokensAreRefusedWithAReason() {
        assertThatThrownBy(() -> tokens.create(Role.AGENT, "alice", "", List.of(), "", "root")).hasMessageContaining("agent's name");
        assertThatThrownBy(() -> tokens.create(Role.APPROVER, " ", "", List.of(), "", "root")).hasMessageContaining("principal");
        assertThatThrownBy(() -> tokens.create(Role.APPROVER, "bob", "", List.of("a,b"), "", "root")).hasMessageContaining("comma");
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("agent, approver or admin");
    }

    @Test
    void bootstrapWritesAnOwnerOnlyAdminTokenOnce() throws Exception {
        Path data = dir.resolve("data");
        Path file = tokens.bootstrapAdmin(data).orElseThrow();
        assertThat(file).isEqualTo(data.resolve("admin-token"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Caller admin = tokens.authenticate(Files.readString(file).strip()).orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(tokens.bootstrapAdmin(data)).isEmpty();
        assertThat(tokens.list()).hasSize(1);
    }
}
