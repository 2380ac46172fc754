package com.clientvalue.common;

import com.clientvalue.RealRulesFolder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the service starts: on the embedded database, on a configured one, or not at all with broken rules. */
class StartupIntegrationTest {

    @Test
    void rulesThatDoNotCompileStopTheStartNamingFileAndRow() throws IOException {
        Path broken = RealRulesFolder.copy();
        RealRulesFolder.edit(broken, "clusters/cluster-classification.csv", "LOW,HIGH,MAINTAIN", "LOW,HIGH,MAINTIAN");

        Exception failure = assertThrows(Exception.class, () -> ApplicationContext.run(
                Map.of("rules.dir", broken.toString(), "demo.enabled", false), "test").close());

        String messages = messages(failure);
        assertTrue(messages.contains("clusters/cluster-classification.csv, table 'Cluster classification', row 12"), messages);
    }

    @Test
    void configuredDatasourceUrlIsUsedAndNoEmbeddedDatabaseStarts() {
        Path unused = Path.of("target/never-started-mariadb");
        String url;
        try (ApplicationContext embedded = ApplicationContext.run(Map.of("demo.enabled", false), "test")) {
            url = embedded.getBean(DatasourceConfiguration.class).getUrl();
            try (ApplicationContext external = ApplicationContext.run(Map.of(
                    "datasources.default.url", url, "datasources.default.username", "root",
                    "db.embedded.data-dir", unused.toString(), "demo.enabled", false), "test")) {
                assertEquals(url, external.getBean(DatasourceConfiguration.class).getUrl());
                assertTrue(external.getBean(javax.sql.DataSource.class) != null);
            }
        }
        assertFalse(Files.exists(unused), "no embedded MariaDB may start when a URL is configured");
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
