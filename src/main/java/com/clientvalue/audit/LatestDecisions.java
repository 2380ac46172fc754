package com.clientvalue.audit;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Clients' decisions as the next decision reads them: the latest in business time (kept by
 * {@link AuditTrail} in latest_decision), or, for a back-dated decision, the latest up to its asOf.
 */
@Singleton
public class LatestDecisions {
    private final JdbcOperations jdbc;

    LatestDecisions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest decision in business time of each of these clients that has one. */
    @Connectable
    public Map<String, LatestDecision> latest(Collection<String> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT client_id, decision_id, as_of, decided_at, cluster, lifecycle, experience_segment, "
                + "last_active_cluster FROM latest_decision WHERE client_id IN (" + marks(clientIds) + ")", statement -> {
            bindIds(statement, clientIds, 1);
            return read(statement);
        });
    }

    /**
     * The latest decision of each of these clients as of a date (asOf at most that date; ties: decided
     * last, then greatest id): what a back-dated decision compares itself with. Reads every such
     * decision of these clients, so it is meant for the few clients decided back-dated.
     */
    @Connectable
    public Map<String, LatestDecision> latestAsOf(Collection<String> clientIds, LocalDate asOf) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT r.client_id, r.decision_id, r.as_of, r.decided_at, r.cluster, r.lifecycle, "
                + "r.experience_segment, COALESCE(d.last_active_cluster, " + REMEMBERED + ") FROM (SELECT a.client_id, "
                + "a.decision_id, a.as_of, a.decided_at, a.cluster, a.lifecycle, a.experience_segment, ROW_NUMBER() OVER "
                + "(PARTITION BY a.client_id ORDER BY a.as_of DESC, a.decided_at DESC, a.decision_id DESC) AS n "
                + "FROM decision_audit a WHERE a.client_id IN (" + marks(clientIds) + ") AND a.as_of <= ?) r "
                + "JOIN decision_audit d ON d.decision_id = r.decision_id WHERE r.n = 1", statement -> {
            int next = bindIds(statement, clientIds, 1);
            statement.setDate(next, Date.valueOf(asOf));
            return read(statement);
        });
    }

    /*
     * The last active cluster of a decision audited before the column existed (V18), from its document,
     * by the rule it was computed with (decision.Transitions.lastActiveCluster): its cluster while NEW,
     * ACTIVE or LOYAL, otherwise what its previous decision remembered. For a decision audited since, a
     * NULL column means "none" and this gives none too.
     */
    private static final String REMEMBERED = "CASE WHEN d.lifecycle IN ('NEW', 'ACTIVE', 'LOYAL') THEN d.cluster "
            + "ELSE NULLIF(JSON_VALUE(d.decision, '$.previousDecision.lastActiveCluster'), 'null') END";

    private static String marks(Collection<String> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }

    private static int bindIds(PreparedStatement statement, Collection<String> ids, int first) throws SQLException {
        int i = first;
        for (String id : ids) {
            statement.setString(i++, id);
        }
        return i;
    }

    private static Map<String, LatestDecision> read(PreparedStatement statement) throws SQLException {
        Map<String, LatestDecision> found = new HashMap<>();
        try (var rows = statement.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getString(1), new LatestDecision(rows.getString(1), rows.getString(2), rows.getDate(3).toLocalDate(),
                        rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getString(6), rows.getString(7),
                        rows.getString(8)));
            }
        }
        return found;
    }
}
