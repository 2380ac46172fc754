package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Transitions in the order they were recorded, for CRM systems that poll; what-if decisions feed none. */
@Singleton
@Connectable
class TransitionFeed {
    private final JdbcOperations jdbc;

    TransitionFeed(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A client moved from one cluster, lifecycle state or experience segment to another: as of asOf
     * (business date), decided at decidedAt (decision time) under ruleVersion.
     */
    @Serdeable
    record TransitionItem(long id, String decisionId, String clientId, LocalDate asOf, String ruleVersion, Instant decidedAt,
                          String dimension,
                          @Nullable String from, @Nullable String to, String previousDecisionId) {
    }

    /** A page of the feed; pass nextAfterId as afterId to read on. */
    @Serdeable
    record TransitionPage(List<TransitionItem> items, @Nullable Long nextAfterId) {
    }

    TransitionPage read(@Nullable Instant since, long afterId, int limit) {
        List<TransitionItem> items = jdbc.prepareStatement("SELECT id, decision_id, client_id, as_of, rule_version, decided_at, "
                + "dimension, from_value, to_value, previous_decision_id FROM decision_transition WHERE id > ? AND decided_at >= ? ORDER BY id LIMIT ?",
                statement -> {
                    statement.setLong(1, afterId);
                    statement.setTimestamp(2, Timestamp.from(since == null ? Instant.EPOCH : since));
                    statement.setInt(3, limit);
                    List<TransitionItem> found = new ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(new TransitionItem(rows.getLong(1), rows.getString(2), rows.getString(3),
                                    rows.getDate(4).toLocalDate(), rows.getString(5), rows.getTimestamp(6).toInstant(),
                                    rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10)));
                        }
                    }
                    return found;
                });
        return new TransitionPage(items, items.isEmpty() ? null : items.get(items.size() - 1).id());
    }
}
