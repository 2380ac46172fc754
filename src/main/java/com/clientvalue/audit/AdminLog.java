package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who did what to the service itself: rule publications, refusals and activations, shadow runs,
 * invariant changes, imports, resegmentation jobs, token changes.
 * Written in the transaction of the change it records (callers open it), so one is never kept
 * without the other.
 */
@Singleton
@Connectable
public class AdminLog {
    private final JdbcOperations jdbc;
    private final Clock clock;

    AdminLog(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Serdeable
    public record AdminEvent(long id, Instant occurredAt, String actor, String action, @Nullable String subject,
                             @Nullable String detail) {
    }

    @Transactional
    public void record(String actor, String action, @Nullable String subject, @Nullable String detail) {
        jdbc.prepareStatement("INSERT INTO admin_event (occurred_at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(clock.instant()));
                    statement.setString(2, actor);
                    statement.setString(3, action);
                    statement.setString(4, subject);
                    statement.setString(5, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000));
                    return statement.executeUpdate();
                });
    }

    /**
     * For refusals: written in a transaction of its own, so that it is kept although the refused
     * change's transaction rolls back.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void recordApart(String actor, String action, @Nullable String subject, @Nullable String detail) {
        record(actor, action, subject, detail);
    }

    /** Newest first, at most limit events older than beforeId (all when null). */
    public List<AdminEvent> list(@Nullable Long beforeId, int limit) {
        return jdbc.prepareStatement("SELECT id, occurred_at, actor, action, subject, detail FROM admin_event WHERE id < ? "
                + "ORDER BY id DESC LIMIT ?", statement -> {
            statement.setLong(1, beforeId == null ? Long.MAX_VALUE : beforeId);
            statement.setInt(2, limit);
            List<AdminEvent> events = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new AdminEvent(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
            return events;
        });
    }
}
