package com.clientvalue.decision;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** Granted service requests: what yearly limits on unpaid services count. */
@Singleton
class ServiceGrants {
    static final int WINDOW_DAYS = 365;
    private final JdbcOperations jdbc;

    ServiceGrants(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Unpaid services granted to the client with asOf - date < 365 days and date <= asOf. */
    @Connectable
    int unpaidGranted12m(String clientId, LocalDate asOf) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM service_grant WHERE client_id = ? AND paid = FALSE "
                + "AND as_of > ? AND as_of <= ?", statement -> {
            statement.setString(1, clientId);
            statement.setDate(2, Date.valueOf(asOf.minusDays(WINDOW_DAYS)));
            statement.setDate(3, Date.valueOf(asOf));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
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
        jdbc.prepareStatement("INSERT INTO service_grant (decision_id, client_id, service, as_of, paid, discount_percent) "
                + "VALUES (?, ?, ?, ?, ?, ?)", statement -> {
            for (Decision decision : granted) {
                statement.setString(1, decision.decisionId());
                statement.setString(2, decision.clientId());
                statement.setString(3, decision.serviceRequest().service());
                statement.setDate(4, Date.valueOf(decision.asOf()));
                statement.setBoolean(5, decision.serviceRequest().paid());
                statement.setBigDecimal(6, decision.serviceRequest().discountPercent());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }
}
