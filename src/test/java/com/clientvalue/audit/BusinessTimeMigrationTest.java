package com.clientvalue.audit;

import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V18 moves a database decided in decision time to business time: each client's latest decision
 * becomes its latest by asOf (the old one was the latest made, a back-dated one included) with the
 * last active cluster it remembered, feed rows their asOf and rule version, grants the moment they
 * were made. Runs the real migrations on a schema of its own.
 */
@MicronautTest(transactional = false)
class BusinessTimeMigrationTest extends HttpIntegrationTest {
    private static final String SCHEMA = "migration_v18_check";

    @AfterEach
    void dropSchema() {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }

    @Test
    void storedDecisionsAreOrderedInBusinessTime() {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        db.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
        String url = db.jdbcUrl();
        String server = url.substring(0, url.indexOf('/', "jdbc:mariadb://".length()));
        // the last migration before V18, whichever that is once other branches add theirs
        String before = java.util.Arrays.stream(Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "")
                        .locations("classpath:db/migration").load().info().all())
                .map(m -> m.getVersion()).filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("18")) < 0)
                .max(Comparable::compareTo).orElseThrow().getVersion();
        Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "").locations("classpath:db/migration").target(before).load()
                .migrate();
        String s = SCHEMA + ".";
        String set = FiredRuleSets.id(List.of());
        db.execute("INSERT INTO " + s + "fired_rule_set (set_id, rule_count) VALUES ('" + set + "', 0)");
        // C1 decided as of 2011-12-10, then back-dated as of 2010-01-01: the old latest_decision holds the back-dated one
        audit("d1", "C1", "2011-12-10", "2026-01-01 10:00:00", "KEY", "ACTIVE", "{\"previousDecision\":null}", set);
        audit("d2", "C1", "2010-01-01", "2026-01-01 11:00:00", "DEVELOP", "PROSPECT",
                "{\"previousDecision\":{\"decisionId\":\"d1\",\"lastActiveCluster\":\"KEY\"}}", set);
        audit("d3", "C2", "2011-12-10", "2026-01-01 10:00:00", "MARGINAL", "LOST",
                "{\"previousDecision\":{\"decisionId\":\"x\",\"lastActiveCluster\":null}}", set);
        db.execute("INSERT INTO " + s + "latest_decision (client_id, decision_id, decided_at, cluster, lifecycle, last_active_cluster) VALUES "
                + "('C1', 'd2', '2026-01-01 11:00:00', 'DEVELOP', 'PROSPECT', 'KEY'), "
                + "('C2', 'd3', '2026-01-01 10:00:00', 'MARGINAL', 'LOST', 'KEY'), "
                + "('C3', 'archived', '2024-01-01 10:00:00', 'KEY', 'LOYAL', 'KEY')");
        db.execute("INSERT INTO " + s + "decision_transition (decision_id, client_id, decided_at, dimension, from_value, to_value, "
                + "previous_decision_id) VALUES ('d2', 'C1', '2026-01-01 11:00:00', 'LIFECYCLE', 'ACTIVE', 'PROSPECT', 'd1')");
        db.execute("INSERT INTO " + s + "service_grant (decision_id, client_id, service, as_of, paid, discount_percent) "
                + "VALUES ('d1', 'C1', 'TRAINING', '2011-12-10', FALSE, 0)");

        Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "").locations("classpath:db/migration").load().migrate();

        assertEquals("d1 2011-12-10 KEY ACTIVE KEY", db.text("SELECT CONCAT_WS(' ', decision_id, as_of, cluster, lifecycle, "
                + "last_active_cluster) FROM " + s + "latest_decision WHERE client_id = 'C1'"));
        assertEquals("d3 2011-12-10 LOST", db.text("SELECT CONCAT_WS(' ', decision_id, as_of, lifecycle) FROM " + s
                + "latest_decision WHERE client_id = 'C2'"));
        assertNull(db.text("SELECT last_active_cluster FROM " + s + "latest_decision WHERE client_id = 'C2'"),
                "recomputed from the document, where it is JSON null");
        assertEquals("archived 1900-01-01", db.text("SELECT CONCAT_WS(' ', decision_id, as_of) FROM " + s
                + "latest_decision WHERE client_id = 'C3'"), "a client whose decisions were archived keeps its latest");
        assertEquals(0, db.count("SELECT COUNT(*) FROM " + s + "decision_audit WHERE what_if"));
        assertEquals("2010-01-01 v1", db.text("SELECT CONCAT_WS(' ', as_of, rule_version) FROM " + s + "decision_transition"));
        assertEquals("2026-01-01 10:00:00.000000", db.text("SELECT granted_at FROM " + s + "service_grant WHERE decision_id = 'd1'"));
    }

    private void audit(String id, String client, String asOf, String decidedAt, String cluster, String lifecycle, String document,
                       String set) {
        db.execute("INSERT INTO " + SCHEMA + ".decision_audit (decision_id, client_id, as_of, rule_version, decided_at, cluster, "
                + "lifecycle, decision, fired_set) VALUES ('" + id + "', '" + client + "', '" + asOf + "', 'v1', '" + decidedAt
                + "', '" + cluster + "', '" + lifecycle + "', '" + document + "', '" + set + "')");
    }
}
