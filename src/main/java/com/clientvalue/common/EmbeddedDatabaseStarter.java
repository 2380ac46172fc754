package com.clientvalue.common;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the datasource at the embedded MariaDB when no URL is configured. Runs before the
 * datasource configuration is completed, so the pool and Flyway only ever see a real URL.
 */
@Singleton
final class EmbeddedDatabaseStarter implements BeanInitializedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseStarter.class);
    private final EmbeddedDatabaseConfig config;

    EmbeddedDatabaseStarter(EmbeddedDatabaseConfig config) {
        this.config = config;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (datasource.getConfiguredUrl() != null && !datasource.getConfiguredUrl().isBlank()) {
            LOG.info("Using the configured MariaDB at {}", datasource.getConfiguredUrl());
            return datasource;
        }
        EmbeddedDatabase database = EmbeddedDatabase.startOnce(config);
        datasource.setUrl(database.jdbcUrl());
        datasource.setUsername("root");
        datasource.setPassword("");
        return datasource;
    }
}
