package com.clientvalue.client;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * On the first start with an empty database, loads the bundled demo portfolio through the same
 * imports the API offers: the real Online Retail sample (CC BY 4.0), then illustrative potential
 * scores that the source does not have.
 */
@Singleton
class DemoPortfolio {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPortfolio.class);
    private final DemoConfig config;
    private final JdbcOperations jdbc;
    private final ClientImport clients;
    private final OrderImport orders;

    DemoPortfolio(DemoConfig config, JdbcOperations jdbc, ClientImport clients, OrderImport orders) {
        this.config = config;
        this.jdbc = jdbc;
        this.clients = clients;
        this.orders = orders;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.enabled() || !isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        ImportResult imported = load("demo/online-retail/clients.csv", clients::run);
        load("demo/illustrative-potential.csv", clients::run);
        ImportResult lines = load("demo/online-retail/orders.csv", orders::run);
        LOG.info("Demo portfolio loaded: {} clients, {} orders ({} lines) in {} ms; switch off with DEMO_ENABLED=false",
                imported.clients(), lines.orders(), lines.rows(), (System.nanoTime() - started) / 1_000_000);
    }

    @Connectable
    boolean isEmpty() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM client", statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        });
    }

    private static ImportResult load(String resource, java.util.function.Function<InputStream, ImportResult> importer) {
        try (InputStream in = DemoPortfolio.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the build: " + resource);
            }
            return importer.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
