package com.clientvalue.audit;

import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V12 turns the per-decision fired-rule rows of a database at V11 into shared lists, with the ids
 * the service computes for new decisions: decisions made before and after the upgrade that fired the
 * same rules name the same list. Runs the real migrations on a schema of its own.
 */
@MicronautTest(transactional = false)
class FiredRuleSetMigrationTest extends HttpIntegrationTest {
    private static final String SCHEMA = "migration_v12_check";

    @AfterEach
    void dropSchema() {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }

    @Test
    void decisionsAtV11GetTheListsTheServiceWouldGiveThem() {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        db.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4"); // as the service creates its own
        String url = db.jdbcUrl();
        String server = url.substring(0, url.indexOf('/', "jdbc:mariadb://".length()));
        Flyway flyway = Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "")
                .locations("classpath:db/migration").target("11").load();
        flyway.migrate();
        String audit = SCHEMA + ".decision_audit";
        for (String id : List.of("d1", "d2", "d3", "d4")) {
            db.execute("INSERT INTO " + audit + " (decision_id, client_id, as_of, rule_version, decided_at, decision) "
                    + "VALUES ('" + id + "', 'C1', '2011-12-10', 'v1', NOW(6), '{}')");
        }
        String fired = SCHEMA + ".decision_fired_rule";
        db.execute("INSERT INTO " + fired + " (decision_id, seq, rule_id) VALUES ('d1', 1, 'CL-3'), ('d1', 2, 'POT-HIGH'), "
                + "('d1', 3, 'LC-ACTIVE'), ('d2', 1, 'CL-3'), ('d2', 2, 'POT-HIGH'), ('d2', 3, 'LC-ACTIVE'), ('d3', 1, 'LC-ACTIVE')");

        Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "").locations("classpath:db/migration").load().migrate();

        String three = FiredRuleSets.id(List.of("CL-3", "POT-HIGH", "LC-ACTIVE"));
        assertEquals(three, db.text("SELECT fired_set FROM " + audit + " WHERE decision_id = 'd1'"));
        assertEquals(three, db.text("SELECT fired_set FROM " + audit + " WHERE decision_id = 'd2'"));
        assertEquals(FiredRuleSets.id(List.of("LC-ACTIVE")), db.text("SELECT fired_set FROM " + audit + " WHERE decision_id = 'd3'"));
        assertEquals(FiredRuleSets.id(List.of()), db.text("SELECT fired_set FROM " + audit + " WHERE decision_id = 'd4'"));
        assertEquals(3, db.count("SELECT COUNT(*) FROM " + SCHEMA + ".fired_rule_set"));
        assertEquals(3, db.count("SELECT rule_count FROM " + SCHEMA + ".fired_rule_set WHERE set_id = '" + three + "'"));
        assertEquals(0, db.count("SELECT rule_count FROM " + SCHEMA + ".fired_rule_set WHERE set_id = '"
                + FiredRuleSets.id(List.of()) + "'"));
        assertEquals("CL-3 POT-HIGH LC-ACTIVE", db.text("SELECT GROUP_CONCAT(rule_id ORDER BY seq SEPARATOR ' ') FROM "
                + SCHEMA + ".fired_rule_set_rule WHERE set_id = '" + three + "'"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + SCHEMA
                + "' AND table_name = 'decision_fired_rule'"));
    }
}
