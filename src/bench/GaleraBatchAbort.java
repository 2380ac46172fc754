import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a commit answered as done can lose writes on Galera, for a choice of MariaDB Connector/J
 * options: 6 threads on the 3 nodes of the cluster that {@code CLUSTER_ONLY=1 src/bench/galera.sh}
 * starts run, for the given seconds, the audit ledger's shape of transaction on one shared head row:
 * lock the head, insert two rows in a batch, move the head, insert two rows that reference them.
 * Writes from other nodes abort some of them (lost certification conflicts). Each commit answered as
 * done must have moved the head once: the head must equal the commits counted.
 *
 *   CLUSTER_ONLY=1 src/bench/galera.sh
 *   java -cp $(find ~/.m2 -name 'mariadb-java-client-3*.jar' | sort | tail -1) src/bench/GaleraBatchAbort.java 'useBulkStmts=true' 20
 *
 * Results and what config/galera.yml makes of them: src/docs/deploy.md.
 */
public final class GaleraBatchAbort {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:mariadb://127.0.0.1:%d/clientdecisions?user=app&password=app&" + args[0];
        long end = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        try (Connection setup = DriverManager.getConnection(String.format(url, 3321)); Statement s = setup.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_child");
            s.execute("DROP TABLE IF EXISTS bench_parent");
            s.execute("DROP TABLE IF EXISTS bench_head");
            s.execute("CREATE TABLE bench_head (id INT PRIMARY KEY, seq INT NOT NULL) ENGINE = InnoDB");
            s.execute("CREATE TABLE bench_parent (id BIGINT PRIMARY KEY, seq INT NOT NULL) ENGINE = InnoDB");
            s.execute("CREATE TABLE bench_child (id BIGINT PRIMARY KEY, parent BIGINT NOT NULL, FOREIGN KEY (parent) "
                    + "REFERENCES bench_parent (id)) ENGINE = InnoDB");
            s.execute("INSERT INTO bench_head VALUES (1, 0)");
        }
        Thread.sleep(1000); // the tables on every node
        AtomicLong ids = new AtomicLong();
        AtomicLong commits = new AtomicLong();
        AtomicLong deadlocks = new AtomicLong();
        AtomicLong foreignKeys = new AtomicLong();
        AtomicLong others = new AtomicLong();
        AtomicLong crashes = new AtomicLong();
        Thread[] threads = new Thread[6];
        for (int t = 0; t < threads.length; t++) {
            int port = 3321 + t % 3;
            threads[t] = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(String.format(url, port))) {
                    c.setAutoCommit(false);
                    while (System.currentTimeMillis() < end) {
                        long first = ids.incrementAndGet();
                        long second = ids.incrementAndGet();
                        try {
                            int seq;
                            try (PreparedStatement p = c.prepareStatement("SELECT seq FROM bench_head WHERE id = 1 FOR UPDATE");
                                 ResultSet r = p.executeQuery()) {
                                r.next();
                                seq = r.getInt(1);
                            }
                            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_parent VALUES (?, ?)")) {
                                for (long id : new long[]{first, second}) {
                                    p.setLong(1, id);
                                    p.setInt(2, seq + 1);
                                    p.addBatch();
                                }
                                p.executeBatch();
                            }
                            try (PreparedStatement p = c.prepareStatement("UPDATE bench_head SET seq = ? WHERE id = 1")) {
                                p.setInt(1, seq + 1);
                                p.executeUpdate();
                            }
                            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_child VALUES (?, ?)")) {
                                for (long id : new long[]{first, second}) {
                                    p.setLong(1, id);
                                    p.setLong(2, id);
                                    p.addBatch();
                                }
                                p.executeBatch();
                            }
                            c.commit();
                            commits.incrementAndGet();
                        } catch (SQLException e) {
                            (e.getErrorCode() == 1213 ? deadlocks : e.getErrorCode() == 1452 ? foreignKeys : others).incrementAndGet();
                            rollback(c);
                        } catch (RuntimeException e) {
                            crashes.incrementAndGet(); // the driver's own failure (seen: a NullPointerException in a pipelined batch)
                            rollback(c);
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Thread.sleep(1000);
        try (Connection check = DriverManager.getConnection(String.format(url, 3321)); Statement s = check.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT seq FROM bench_head), (SELECT COUNT(*) FROM bench_parent), "
                     + "(SELECT COUNT(*) FROM bench_child)")) {
            r.next();
            long head = r.getLong(1);
            System.out.printf("%s: %d commits answered as done, head moved %d times (%d lost); %d aborted (deadlock), "
                            + "%d foreign-key errors, %d other errors, %d driver exceptions; %d parent rows, %d child rows%n", args[0], commits.get(),
                    head, commits.get() - head, deadlocks.get(), foreignKeys.get(), others.get(), crashes.get(), r.getLong(2), r.getLong(3));
        }
    }

    // a transaction aborted by the cluster may report its abort again at the rollback
    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // rolled back all the same
        }
    }
}
