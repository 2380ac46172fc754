package com.clientvalue.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Console sessions, kept in MariaDB so that any instance answers any request. A session is opened
 * with a valid token and lives until it is idle for {@code console.session.idle-timeout}, reaches
 * {@code console.session.max-age}, is signed out, or its token is revoked. The session id (32 random
 * bytes) travels only in an HttpOnly cookie; MariaDB keeps its SHA-256.
 */
@Singleton
public class ConsoleSessions {
    /** Session ids start so, which tells them from API tokens ("cd_"). */
    static final String PREFIX = "cs_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** last_seen_at is written at most this often, not on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxAge;

    ConsoleSessions(JdbcOperations jdbc, Clock clock,
                    @Value("${console.session.idle-timeout:30m}") Duration idleTimeout,
                    @Value("${console.session.max-age:12h}") Duration maxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
    }

    /** An open session: its id (for the cookie, shown once), who holds it and its CSRF token. */
    public record Opened(String sessionId, String name, List<String> roles, String csrfToken) {
    }

    /** A session found by its id. */
    record Session(String name, List<String> roles, String csrfToken, Instant lastSeen, Instant expires) {
    }

    /** Opens a session for the holder of a valid token; empty when the token is unknown or revoked. */
    @Transactional
    public Optional<Opened> open(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        Optional<long[]> tokenId = jdbc.prepareStatement("SELECT id FROM api_token WHERE token_hash = ? AND revoked_at IS NULL",
                statement -> {
                    statement.setString(1, ApiTokens.hash(token.strip()));
                    try (var rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(new long[]{rows.getLong(1)}) : Optional.<long[]>empty();
                    }
                });
        if (tokenId.isEmpty()) {
            return Optional.empty();
        }
        String sessionId = PREFIX + random(32);
        // the HMAC part of Micronaut's CSRF token format is empty: the token is checked against this row, not signed
        String csrf = "." + random(24);
        Instant now = clock.instant();
        jdbc.prepareStatement("INSERT INTO console_session (session_hash, token_id, csrf_token, created_at, last_seen_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, ApiTokens.hash(sessionId));
            statement.setLong(2, tokenId.get()[0]);
            statement.setString(3, csrf);
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setTimestamp(6, Timestamp.from(now.plus(maxAge)));
            return statement.executeUpdate();
        });
        Session session = find(sessionId).orElseThrow();
        return Optional.of(new Opened(sessionId, session.name(), session.roles(), csrf));
    }

    /** The live session of this id: not signed out, not expired, not idle too long, its token not revoked. */
    @Connectable
    Optional<Session> find(String sessionId) {
        if (sessionId == null || !sessionId.startsWith(PREFIX) || sessionId.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.prepareStatement("SELECT t.name, t.roles, s.csrf_token, s.last_seen_at, s.expires_at FROM console_session s"
                + " JOIN api_token t ON t.id = s.token_id WHERE s.session_hash = ? AND s.ended_at IS NULL AND t.revoked_at IS NULL"
                + " AND s.expires_at > ? AND s.last_seen_at > ?", statement -> {
            statement.setString(1, ApiTokens.hash(sessionId));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setTimestamp(3, Timestamp.from(now.minus(idleTimeout)));
            try (var rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Session(rows.getString(1), List.of(rows.getString(2).split(",")), rows.getString(3),
                                rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant()))
                        : Optional.<Session>empty();
            }
        });
    }

    /** Finds a live session and records that it was used (at most every 30 s), which keeps it from idling out. */
    @Transactional
    Optional<Session> use(String sessionId) {
        Optional<Session> session = find(sessionId);
        Instant now = clock.instant();
        if (session.isPresent() && session.get().lastSeen().isBefore(now.minus(TOUCH_EVERY))) {
            jdbc.prepareStatement("UPDATE console_session SET last_seen_at = ? WHERE session_hash = ?", statement -> {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setString(2, ApiTokens.hash(sessionId));
                return statement.executeUpdate();
            });
        }
        return session;
    }

    /** Ends a session (sign out); an unknown id changes nothing. */
    @Transactional
    public void end(String sessionId) {
        if (sessionId == null || !sessionId.startsWith(PREFIX)) {
            return;
        }
        jdbc.prepareStatement("UPDATE console_session SET ended_at = ? WHERE session_hash = ? AND ended_at IS NULL", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setString(2, ApiTokens.hash(sessionId));
            return statement.executeUpdate();
        });
    }

    /** How long an unused session stays open (the cookie's lifetime follows max-age, the server's check both). */
    public Duration maxAge() {
        return maxAge;
    }

    /** Sessions that ended or expired more than a day ago are removed every hour. */
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    @Transactional
    void removeOld() {
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        jdbc.prepareStatement("DELETE FROM console_session WHERE expires_at < ? OR ended_at < ? OR last_seen_at < ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(dayAgo));
            statement.setTimestamp(2, Timestamp.from(dayAgo));
            statement.setTimestamp(3, Timestamp.from(dayAgo.minus(idleTimeout)));
            return statement.executeUpdate();
        });
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

}
