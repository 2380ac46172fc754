package com.clientvalue.rules;

import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V15 on a database at V14: versions stored only as shadow candidates leave the published versions
 * for shadow runs (with their files and comparisons), and the history gets what each activation came
 * from and what each version was published over. Runs the real migrations on a schema of its own.
 */
@MicronautTest(transactional = false)
class RuleHistoryMigrationTest extends HttpIntegrationTest {
    private static final String SCHEMA = "migration_v15_check";

    @AfterEach
    void dropSchema() {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
    }

    @Test
    void shadowCandidatesBecomeRunsAndTheHistoryKnowsWhereEachActivationCameFrom() {
        db.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        db.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
        String url = db.jdbcUrl();
        String server = url.substring(0, url.indexOf('/', "jdbc:mariadb://".length()));
        Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "").locations("classpath:db/migration").target("14").load()
                .migrate();
        String s = SCHEMA + ".";
        for (String v : new String[]{"v1", "v2", "v3", "v4"}) {
            db.execute("INSERT INTO " + s + "rule_version (version, published_at, published_by, comment) VALUES ('" + v
                    + "', NOW(6), 'someone', 'c')");
            db.execute("INSERT INTO " + s + "rule_version_file (version, path, sha256, content) VALUES ('" + v
                    + "', 'a.csv', REPEAT('0', 64), 'x')");
        }
        db.execute("INSERT INTO " + s + "rule_activation (id, version, activated_at, activated_by, reason) VALUES "
                + "(1, 'v1', NOW(6), 'startup', 'SEED'), (2, 'v2', NOW(6), 'anna', 'PUBLISH'), (3, 'v1', NOW(6), 'root', 'ROLLBACK')");
        db.execute("INSERT INTO " + s + "rule_shadow (id, version, started_at, started_by) VALUES (1, 'v3', NOW(6), 'carl')");
        db.execute("INSERT INTO " + s + "shadow_comparison (shadow_version, decision_id, client_id, compared_at, differs) "
                + "VALUES ('v3', 'd1', 'C1', NOW(6), TRUE)");

        Flyway.configure().dataSource(server + "/" + SCHEMA, "root", "").locations("classpath:db/migration").load().migrate();

        assertEquals("v1,v2", db.text("SELECT GROUP_CONCAT(version ORDER BY version) FROM " + s + "rule_version"));
        assertEquals("v1,v2", db.text("SELECT GROUP_CONCAT(DISTINCT version ORDER BY version) FROM " + s + "rule_version_file"));
        assertEquals("v1", db.text("SELECT published_over FROM " + s + "rule_version WHERE version = 'v2'"));
        assertEquals(null, db.text("SELECT published_over FROM " + s + "rule_version WHERE version = 'v1'"));
        assertEquals("1:-,2:v1,3:v2", db.text("SELECT GROUP_CONCAT(CONCAT(id, ':', COALESCE(from_version, '-')) ORDER BY id) FROM "
                + s + "rule_activation"));
        assertEquals("v3:carl:running,v4:someone:ended before the upgrade", db.text("SELECT GROUP_CONCAT(CONCAT(version, ':', "
                + "started_by, ':', COALESCE(end_reason, 'running')) ORDER BY id) FROM " + s + "shadow_run"));
        assertEquals(2, db.count("SELECT COUNT(*) FROM " + s + "shadow_run_file"));
        assertEquals("v3", db.text("SELECT r.version FROM " + s + "shadow_comparison c JOIN " + s + "shadow_run r ON r.id = c.run_id"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + SCHEMA
                + "' AND table_name = 'rule_shadow'"));
    }
}
