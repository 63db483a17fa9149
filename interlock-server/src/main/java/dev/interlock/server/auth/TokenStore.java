package dev.interlock.server.auth;

import dev.interlock.decision.Fingerprint;
import dev.interlock.server.storage.Database;
import dev.interlock.server.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens. The secret ({@code il_} + 32 random bytes, base64url) is returned once at creation; only its SHA-256
 * is stored, so a copy of the database does not let anyone call the server.
 */
public final class TokenStore {

    private static final String PREFIX = "il_";
    private static final String COLUMNS =
            "id, hash, role, principal, agent, groups_csv, description, created_by, created_at, revoked_at, revoked_by";

    private final Database db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Creates a token with no authorization check: for local administration by whoever can open the data directory
     * (CLI, bootstrap). Over the network use {@link #create(Caller, Role, String, String, List, String)}.
     */
    public CreatedToken create(Role role, String principal, String agent, List<String> groups, String description,
                               String createdBy) {
        validate(role, principal, agent, groups);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        TokenInfo info = new TokenInfo("tok_" + HexFormat.of().formatHex(idBytes), role, principal.strip(),
                agent == null ? "" : agent.strip(), groups == null ? List.of() : groups.stream().map(String::strip).toList(),
                description == null ? "" : description, createdBy == null ? "" : createdBy, now(), Optional.empty(), "");
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tokens (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '')")) {
                ps.setString(1, info.id());
                ps.setString(2, Fingerprint.sha256(secret));
                ps.setString(3, info.role().wire());
                ps.setString(4, info.principal());
                ps.setString(5, info.agent());
                ps.setString(6, String.join(",", info.groups()));
                ps.setString(7, info.description());
                ps.setString(8, info.createdBy());
                ps.setLong(9, info.createdAt().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
        return new CreatedToken(info, secret);
    }

    /** Creates a token on behalf of {@code by}; only admins may (agents never create tokens: built-in invariant 1). */
    public CreatedToken create(Caller by, Role role, String principal, String agent, List<String> groups, String description) {
        requireAdmin(by, "create tokens");
        return create(role, principal, agent, groups, description, by.principal());
    }

    /** The caller a secret belongs to; empty for unknown or revoked secrets (the answer does not say which). */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = Fingerprint.sha256(secret);
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tokens WHERE hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Caller>empty();
                    }
                    // The index lookup already matched; comparing again in constant time keeps a timing difference
                    // from ever depending on how much of a guessed hash is right.
                    boolean same = MessageDigest.isEqual(rs.getString("hash").getBytes(StandardCharsets.US_ASCII),
                            hash.getBytes(StandardCharsets.US_ASCII));
                    TokenInfo info = read(rs);
                    return same && !info.revoked() ? Optional.of(info.caller()) : Optional.<Caller>empty();
                }
            }
        });
    }

    /** Every token, oldest first, without secrets. */
    public List<TokenInfo> list() {
        return db.transaction(c -> {
            List<TokenInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tokens ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    public Optional<TokenInfo> get(String id) {
        return db.transaction(c -> find(c, id));
    }

    /** Revokes a token with no authorization check (local administration); see {@link #revoke(String, Caller)}. */
    public TokenRevoked revoke(String id, String by) {
        Instant at = now();
        return db.transaction(c -> {
            TokenInfo token = find(c, id).orElseThrow(() -> new TokenException(TokenException.Kind.NOT_FOUND,
                    "no token with id '" + id + "': list tokens to see their ids"));
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, by == null ? "" : by);
                ps.setString(3, id);
                if (ps.executeUpdate() != 1) {
                    throw new TokenException(TokenException.Kind.CONFLICT, "token " + id + " was already revoked at "
                            + token.revokedAt().map(Instant::toString).orElse("the same moment") + " by " + token.revokedBy());
                }
            }
            return new TokenRevoked(find(c, id).orElseThrow(), by == null ? "" : by, at);
        });
    }

    /** Revokes a token on behalf of {@code by}: admins only. */
    public TokenRevoked revoke(String id, Caller by) {
        requireAdmin(by, "revoke tokens");
        return revoke(id, by.principal());
    }

    /**
     * On first start, when no token exists at all, creates an admin token and writes its secret to
     * {@code dataDir/admin-token} readable by the owner only (0600). Returns that path, or empty when tokens existed.
     */
    public Optional<CreatedToken> bootstrapAdmin(Path dataDir, String principal) {
        boolean empty = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM tokens"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
        if (!empty) {
            return Optional.empty();
        }
        Path file = dataDir.resolve("admin-token");
        CreatedToken token = create(Role.ADMIN, principal, "", List.of(), "bootstrap admin token written to " + file,
                "interlock-server");
        try {
            Files.createDirectories(dataDir);
            try {
                // Created with 0600 from the start: there is no moment in which the secret is readable by others.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, token.secret() + "\n");
        } catch (FileAlreadyExistsException e) {
            revoke(token.token().id(), "interlock-server");
            throw new StorageException(file + " already exists but no token is stored: remove the stale file and restart");
        } catch (IOException e) {
            revoke(token.token().id(), "interlock-server");
            throw new StorageException("cannot write the bootstrap admin token to " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(token);
    }

    /** {@link #bootstrapAdmin(Path, String)} for principal {@code admin}; returns where the secret was written. */
    public Optional<Path> bootstrapAdmin(Path dataDir) {
        return bootstrapAdmin(dataDir, "admin").map(t -> dataDir.resolve("admin-token"));
    }

    private static void requireAdmin(Caller by, String what) {
        if (by == null || by.role() != Role.ADMIN) {
            throw new TokenException(TokenException.Kind.FORBIDDEN, "only admin tokens may " + what
                    + (by == null ? "" : "; this is " + by.role().wire() + " token " + by.tokenId()));
        }
    }

    private static void validate(Role role, String principal, String agent, List<String> groups) {
        if (role == null) {
            throw new TokenException(TokenException.Kind.INVALID, "a token needs a role: agent, approver or admin");
        }
        if (principal == null || principal.isBlank()) {
            throw new TokenException(TokenException.Kind.INVALID,
                    "a token needs a principal: the human it belongs to, or the human an agent token acts for");
        }
        if (role == Role.AGENT && (agent == null || agent.isBlank())) {
            throw new TokenException(TokenException.Kind.INVALID, "an agent token needs the agent's name (e.g. claude-code)");
        }
        if (role != Role.AGENT && agent != null && !agent.isBlank()) {
            throw new TokenException(TokenException.Kind.INVALID,
                    "only agent tokens name an agent; a " + role.wire() + " token belongs to a human");
        }
        for (String g : groups == null ? List.<String>of() : groups) {
            if (g == null || g.isBlank() || g.contains(",")) {
                throw new TokenException(TokenException.Kind.INVALID, "group names must be non-empty and contain no comma: '" + g + "'");
            }
        }
    }

    private static Optional<TokenInfo> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tokens WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static TokenInfo read(ResultSet rs) throws SQLException {
        long revoked = rs.getLong("revoked_at");
        Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
        String csv = rs.getString("groups_csv");
        return new TokenInfo(rs.getString("id"), Role.parse(rs.getString("role")), rs.getString("principal"),
                rs.getString("agent"), csv.isEmpty() ? List.of() : Arrays.asList(csv.split(",")),
                rs.getString("description"), rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
                revokedAt, rs.getString("revoked_by"));
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
