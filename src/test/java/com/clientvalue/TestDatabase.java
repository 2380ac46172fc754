package com.clientvalue;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Direct access to the test MariaDB: empties the portfolio and counts rows to check what was written. */
@Singleton
public class TestDatabase {
    private final JdbcOperations jdbc;

    TestDatabase(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every table; the revision moves on so that cached portfolio figures are dropped. */
    @Transactional
    public void clear() {
        for (String table : new String[]{"decision_transition", "service_grant", "latest_decision",
                "shadow_comparison", "action_record", "decision_document", "decision_audit", "audit_block", "audit_checkpoint_segment", "audit_checkpoint", "fired_rule_set_rule", "fired_rule_set", "audit_archive", "resegmentation_chunk", "resegmentation_job", "assessment", "survey", "complaint", "client_need", "referral", "payment", "client_team_member", "order_line", "customer_order", "client"}) {
            jdbc.prepareStatement("DELETE FROM " + table, statement -> statement.executeUpdate());
        }
        jdbc.prepareStatement("UPDATE portfolio_revision SET revision = revision + 1 WHERE id = 1",
                statement -> statement.executeUpdate());
        jdbc.prepareStatement("UPDATE audit_chain_head SET seq = 0, hash = REPEAT('0', 64) WHERE id = 1",
                statement -> statement.executeUpdate());
        // the segments stay (instances hold them), emptied
        jdbc.prepareStatement("UPDATE audit_segment SET head_seq = 0, head_hash = REPEAT('0', 64)",
                statement -> statement.executeUpdate());
    }

    /** Runs a statement directly, as someone with access to MariaDB would (to tamper with the audit, say). */
    @Transactional
    public int execute(String sql) {
        return jdbc.prepareStatement(sql, statement -> statement.executeUpdate());
    }

    /** The JDBC URL of the test MariaDB, for a second service process to share it. */
    @Connectable
    public String jdbcUrl() {
        try {
            return jdbc.getConnection().getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Connectable
    public long count(String sql) {
        return jdbc.prepareStatement(sql, statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Connectable
    public String text(String sql) {
        return jdbc.prepareStatement(sql, statement -> {
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    /** Row counts of every table a request can write, and the sums that an update would change. */
    public String fingerprintAll() {
        StringBuilder all = new StringBuilder(fingerprint());
        for (String table : new String[]{"survey", "complaint", "assessment", "action_record", "service_grant", "latest_decision",
                "decision_transition", "fired_rule_set", "rule_version", "rule_activation", "shadow_run", "policy_invariants", "api_token",
                "admin_event", "resegmentation_job"}) {
            all.append('/').append(table).append('=').append(count("SELECT COUNT(*) FROM " + table));
        }
        return all.append('/').append(text("SELECT COALESCE(GROUP_CONCAT(COALESCE(loss_reason, '-') ORDER BY client_id), '') FROM client"))
                .toString();
    }

    /** Rows in the tables an import or a decision writes, to prove that a refused request wrote nothing. */
    public String fingerprint() {
        return count("SELECT COUNT(*) FROM client") + "/" + count("SELECT COUNT(*) FROM customer_order") + "/"
                + count("SELECT COUNT(*) FROM order_line") + "/" + text("SELECT COALESCE(SUM(total), 0) FROM customer_order")
                + "/" + text("SELECT COALESCE(SUM(COALESCE(potential, -1)), 0) FROM client") + "/"
                + count("SELECT COUNT(*) FROM decision_audit");
    }
}
