package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Records why a client left us (or clears it); the next decisions see it as a fact. */
@Singleton
class LossReasons {
    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;

    LossReasons(JdbcOperations jdbc, PortfolioRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    @Transactional
    void set(String clientId, String reason) {
        int updated = jdbc.prepareStatement("UPDATE client SET loss_reason = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE client_id = ?",
                statement -> {
                    statement.setString(1, reason == null || reason.isBlank() ? null : reason.trim());
                    statement.setString(2, clientId);
                    return statement.executeUpdate();
                });
        if (updated == 0) {
            throw new ClientNotFound(clientId);
        }
        revision.bump();
    }
}
