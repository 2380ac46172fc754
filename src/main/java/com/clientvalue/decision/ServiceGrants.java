package com.clientvalue.decision;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Granted service requests: what yearly limits on unpaid services count. */
@Singleton
class ServiceGrants {
    static final int WINDOW_DAYS = 365;
    private final JdbcOperations jdbc;
    // a client's requests one at a time in this instance, striped so that memory stays bounded
    private final ReentrantLock[] stripes = IntStream.range(0, 256).mapToObj(i -> new ReentrantLock()).toArray(ReentrantLock[]::new);

    ServiceGrants(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Unpaid services granted to the client in the 365 days before now, in decision time: a request
     * back-dated (or forward-dated) by its asOf still counts every grant really made in the year, so
     * that no choice of asOf passes a yearly limit.
     */
    @Connectable
    int unpaidGranted12m(String clientId, Instant now) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM service_grant WHERE client_id = ? AND paid = FALSE "
                + "AND granted_at > ?", statement -> {
            statement.setString(1, clientId);
            statement.setTimestamp(2, Timestamp.from(now.minus(Duration.ofDays(WINDOW_DAYS))));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /**
     * Runs a client's service request, from counting its grants to its audit commit, while no other
     * request of the same client does so in this instance: simultaneous requests each counted the
     * grants before any of them was recorded, and all got past the yearly limit. Instances sharing a
     * database do not see each other's locks.
     */
    <T> T oneRequestAtATime(String clientId, Supplier<T> request) {
        ReentrantLock lock = stripes[Math.floorMod(clientId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return request.get();
        } finally {
            lock.unlock();
        }
    }

    /** Must run in the transaction that audits these decisions. */
    void record(List<Decision> decisions) {
        List<Decision> granted = decisions.stream()
                .filter(d -> d.serviceRequest() != null && d.outcome().serviceAnswer() != null
                        && d.outcome().serviceAnswer().granted())
                .toList();
        if (granted.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO service_grant (decision_id, client_id, service, as_of, granted_at, paid, "
                + "discount_percent) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
            for (Decision decision : granted) {
                statement.setString(1, decision.decisionId());
                statement.setString(2, decision.clientId());
                statement.setString(3, decision.serviceRequest().service());
                statement.setDate(4, Date.valueOf(decision.asOf()));
                statement.setTimestamp(5, Timestamp.from(decision.decidedAt()));
                statement.setBoolean(6, decision.serviceRequest().paid());
                statement.setBigDecimal(7, decision.serviceRequest().discountPercent());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }
}
