package com.clientvalue.common;

import com.clientvalue.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a Galera cluster needs of the schema, checked on the migrated database: it replicates InnoDB
 * tables only, and certifies writes by primary key (a table without one replicates badly and, with
 * deletes, can stop a node).
 */
@MicronautTest(transactional = false)
class GaleraReadySchemaIntegrationTest {
    @Inject
    TestDatabase db;

    @Test
    void everyTableHasAPrimaryKey() {
        assertEquals(null, db.text("SELECT GROUP_CONCAT(t.table_name ORDER BY t.table_name) FROM information_schema.tables t "
                + "WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM "
                + "information_schema.table_constraints c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name "
                + "AND c.constraint_type = 'PRIMARY KEY')"), "tables without a primary key");
        assertEquals(true, db.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()") > 30,
                "the schema is the migrated one");
    }

    @Test
    void everyTableIsInnoDb() {
        assertEquals(null, db.text("SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND engine <> 'InnoDB'"), "tables Galera does not replicate");
    }
}
