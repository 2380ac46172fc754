package com.clientvalue.security;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: 32 random bytes, shown once; MariaDB keeps only their SHA-256 (a token is long
 * and random, so an unsalted hash cannot be guessed back). Lookups are cached for a few seconds,
 * so a revoked token stops working within {@link #CACHE_MILLIS}.
 */
@Singleton
public class ApiTokens {
    static final long CACHE_MILLIS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcOperations jdbc;
    private final ApplicationEventPublisher<TokenChanged> changes;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    ApiTokens(JdbcOperations jdbc, ApplicationEventPublisher<TokenChanged> changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

    /** A token as listed: never its value nor its hash. */
    @Serdeable
    public record TokenInfo(String name, List<String> roles, Instant createdAt, String createdBy, @Nullable Instant revokedAt,
                            @Nullable String revokedBy) {
    }

    /** A new token with its value, which is never shown again. */
    @Serdeable
    public record IssuedToken(String name, List<String> roles, String token) {
    }

    /** Who a valid token belongs to. */
    record Holder(String name, List<String> roles) {
    }

    private record Cached(Optional<Holder> holder, long until) {
    }

    @Transactional
    public IssuedToken create(String name, List<String> roles, String by) {
        return store(name, roles, newToken(), by);
    }

    /** Stores a token whose value is given (the bootstrap token of a configuration). */
    @Transactional
    IssuedToken store(String name, List<String> roles, String token, String by) {
        if (find(name).isPresent()) {
            throw new TokenProblem(409, "token-exists", "a token named '" + name + "' exists already: revoke it or choose another name", name);
        }
        jdbc.prepareStatement("INSERT INTO api_token (name, token_hash, roles, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, name);
                    statement.setString(2, hash(token));
                    statement.setString(3, String.join(",", roles));
                    statement.setTimestamp(4, Timestamp.from(clock.instant()));
                    statement.setString(5, by);
                    return statement.executeUpdate();
                });
        changes.publishEvent(new TokenChanged(by, "TOKEN_CREATED", name, "roles " + String.join(",", roles)));
        return new IssuedToken(name, List.copyOf(roles), token);
    }

    @Transactional
    public TokenInfo revoke(String name, String by) {
        TokenInfo token = find(name).orElseThrow(() -> new TokenProblem(404, "token-not-found", "no token is named '" + name + "'", name));
        if (token.revokedAt() == null) {
            jdbc.prepareStatement("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE name = ?", statement -> {
                statement.setTimestamp(1, Timestamp.from(clock.instant()));
                statement.setString(2, by);
                statement.setString(3, name);
                return statement.executeUpdate();
            });
            changes.publishEvent(new TokenChanged(by, "TOKEN_REVOKED", name, null));
            cache.clear();
        }
        return find(name).orElseThrow();
    }

    @Connectable
    public List<TokenInfo> list() {
        return jdbc.prepareStatement("SELECT * FROM api_token ORDER BY name", statement -> {
            List<TokenInfo> tokens = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    tokens.add(info(rows));
                }
            }
            return tokens;
        });
    }

    /** Whether some token that is not revoked carries the role. */
    @Connectable
    boolean anyActiveWith(String role) {
        return list().stream().anyMatch(t -> t.revokedAt() == null && t.roles().contains(role));
    }

    /** The holder of a token as cached (no database access): empty when the cache does not know the token. */
    Optional<Optional<Holder>> cached(String token) {
        Cached cached = cache.get(hash(token));
        return cached != null && cached.until() > System.currentTimeMillis() ? Optional.of(cached.holder()) : Optional.empty();
    }

    /** The holder of a token from MariaDB (a token not revoked), remembered for CACHE_MILLIS. */
    @Connectable
    Optional<Holder> lookup(String token) {
        String key = hash(token);
        Optional<Holder> holder = jdbc.prepareStatement("SELECT name, roles FROM api_token WHERE token_hash = ? AND revoked_at IS NULL",
                statement -> {
                    statement.setString(1, key);
                    try (var rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(new Holder(rows.getString(1), roles(rows.getString(2)))) : Optional.<Holder>empty();
                    }
                });
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key, new Cached(holder, System.currentTimeMillis() + CACHE_MILLIS));
        return holder;
    }

    private Optional<TokenInfo> find(String name) {
        return jdbc.prepareStatement("SELECT * FROM api_token WHERE name = ?", statement -> {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(info(rows)) : Optional.<TokenInfo>empty();
            }
        });
    }

    private static TokenInfo info(ResultSet rows) throws SQLException {
        Timestamp revoked = rows.getTimestamp("revoked_at");
        return new TokenInfo(rows.getString("name"), roles(rows.getString("roles")), rows.getTimestamp("created_at").toInstant(),
                rows.getString("created_by"), revoked == null ? null : revoked.toInstant(), rows.getString("revoked_by"));
    }

    private static List<String> roles(String stored) {
        return Arrays.asList(stored.split(","));
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "cd_" + HexFormat.of().formatHex(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
