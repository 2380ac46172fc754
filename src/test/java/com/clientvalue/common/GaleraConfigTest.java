package com.clientvalue.common;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * config/galera.yml as an instance of a cluster reads it (MICRONAUT_CONFIG_FILES, over the built-in
 * application.yml): the driver options that keep a commit on Galera from losing writes win over the
 * single-server ones, and the rest of the data source is kept.
 */
class GaleraConfigTest {
    @Test
    void theGaleraFileTurnsOffBulkAndServerSideBatchesAndWaitsForCausality() {
        String before = System.getProperty("micronaut.config.files");
        System.setProperty("micronaut.config.files", "config/galera.yml");
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("DB_URL", "jdbc:mariadb://db1,db2/x",
                "DB_USER", "app", "AUDIT_SIGNING_KEY_FILE", "key.pem")).build()) {
            Environment environment = context.getEnvironment().start();
            String driver = "datasources.default.data-source-properties.";
            assertEquals(false, environment.getRequiredProperty(driver + "useBulkStmts", Boolean.class), "single server: true");
            assertEquals(false, environment.getRequiredProperty(driver + "useServerPrepStmts", Boolean.class), "single server: true");
            assertEquals("wsrep_sync_wait=1", environment.getRequiredProperty(driver + "sessionVariables", String.class));
            assertEquals(true, environment.getRequiredProperty(driver + "allowLocalInfile", Boolean.class), "kept from application.yml");
            assertEquals("2s", environment.getRequiredProperty("rules.poll-interval", String.class));
        } finally {
            if (before == null) {
                System.clearProperty("micronaut.config.files");
            } else {
                System.setProperty("micronaut.config.files", before);
            }
        }
    }
}
