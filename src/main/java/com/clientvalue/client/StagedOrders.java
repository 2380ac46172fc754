package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Statement;

/**
 * The lines of one order import in session staging tables of the import's connection, checked and
 * written with set-based SQL. Staging tables are Aria: no undo or redo, several times faster to fill
 * than InnoDB ones, and thrown away at the end whatever happens.
 *
 * <p>An order whose stored header and lines equal the imported ones is left alone; every other order
 * of the file is written whole (header upserted, lines upserted, surplus stored lines deleted), which
 * replaces all its stored lines. Re-importing a file thus reads the stored orders but writes nothing.
 * The import checks clients and orders itself, so writes skip the foreign key checks (an index
 * lookup per written row).
 */
final class StagedOrders {
    private static final String ID = "VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";

    private final JdbcOperations jdbc;

    StagedOrders(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What the staged orders are, and the first line of each kind of fault (null when none). */
    record Summary(long orders, long clients, long splitOrders, long storedOrders, long unchangedOrders,
                   Long unknownClientLine, Long mixedOrderLine, Long overflowLine) {
    }

    void create() {
        drop();
        update("""
                CREATE TEMPORARY TABLE order_import_line (
                    run BIGINT NOT NULL, line_no INT NOT NULL, order_id %s NOT NULL, amount DECIMAL(18, 4) NOT NULL,
                    margin DECIMAL(18, 4) NULL, product_category VARCHAR(64) NULL, client_id %s NULL, order_date DATE NULL,
                    run_lines INT NULL,
                    run_total DECIMAL(38, 4) NULL, run_margin DECIMAL(38, 4) NULL
                ) ENGINE = Aria""".formatted(ID, ID));
        update("""
                CREATE TEMPORARY TABLE order_import_order (
                    order_id %s NOT NULL, first_line BIGINT NOT NULL, client_id %s NOT NULL, other_client %s NOT NULL,
                    order_date DATE NOT NULL, other_date DATE NOT NULL, line_count INT NOT NULL,
                    total DECIMAL(38, 4) NOT NULL, margin DECIMAL(38, 4) NULL, split BOOLEAN NOT NULL,
                    stored_lines INT NULL, unchanged BOOLEAN NOT NULL
                ) ENGINE = Aria""".formatted(ID, ID, ID));
        update("CREATE TEMPORARY TABLE order_import_split (order_id %s NOT NULL PRIMARY KEY) ENGINE = Aria".formatted(ID));
    }

    /** Streams the lines into staging; the rows stop early at the first bad line. */
    void load(OrderLineRows rows) {
        jdbc.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(rows);
                return statement.executeUpdate("""
                        LOAD DATA LOCAL INFILE 'order-lines' INTO TABLE order_import_line CHARACTER SET utf8mb4
                        (run, line_no, order_id, amount, margin, product_category, client_id, order_date, run_lines, run_total,
                        run_margin)""");
            }
        });
    }

    /**
     * One row per staged order, compared with its stored header. An order of one run is summed up
     * by its last line; orders of several runs (lines not adjacent, or their client or date
     * changing) are summed over their runs, where MIN and MAX of client and date differ if the runs
     * disagree. Grouping only those is much cheaper than grouping every order.
     */
    Summary summarize() {
        update("""
                INSERT INTO order_import_split
                SELECT SQL_BIG_RESULT order_id FROM order_import_line WHERE run_lines IS NOT NULL
                GROUP BY order_id HAVING COUNT(*) > 1""");
        update("""
                INSERT INTO order_import_order
                SELECT order_id, run, client_id, client_id, order_date, order_date, run_lines, run_total, run_margin, FALSE, NULL, FALSE
                FROM order_import_line
                WHERE run_lines IS NOT NULL AND order_id NOT IN (SELECT order_id FROM order_import_split)""");
        update("""
                INSERT INTO order_import_order
                SELECT l.order_id, MIN(run), MIN(client_id), MAX(client_id), MIN(order_date), MAX(order_date), SUM(run_lines),
                       SUM(run_total), SUM(run_margin), TRUE, NULL, FALSE
                FROM order_import_line l JOIN order_import_split s ON s.order_id = l.order_id
                WHERE run_lines IS NOT NULL GROUP BY l.order_id""");
        update("""
                UPDATE order_import_order o JOIN customer_order c ON c.order_id = o.order_id
                SET o.stored_lines = c.line_count, o.unchanged = (c.client_id = o.client_id AND c.order_date = o.order_date
                    AND c.total = o.total AND c.margin <=> o.margin AND c.line_count = o.line_count)""");
        Clients clients = jdbc.prepareStatement("""
                SELECT COUNT(*), MIN(CASE WHEN c.client_id IS NULL THEN k.first_line END)
                FROM (SELECT SQL_BIG_RESULT client_id, MIN(first_line) AS first_line FROM order_import_order GROUP BY client_id) k
                LEFT JOIN client c ON c.client_id = k.client_id""", statement -> {
            try (var result = statement.executeQuery()) {
                result.next();
                return new Clients(result.getLong(1), result.getObject(2, Long.class));
            }
        });
        return jdbc.prepareStatement("""
                SELECT COUNT(*), COALESCE(SUM(split), 0), COUNT(stored_lines), COALESCE(SUM(unchanged), 0),
                       MIN(CASE WHEN client_id <> other_client OR order_date <> other_date THEN first_line END),
                       MIN(CASE WHEN ABS(total) >= 100000000000000 OR ABS(margin) >= 100000000000000 THEN first_line END)
                FROM order_import_order""", statement -> {
            try (var result = statement.executeQuery()) {
                result.next();
                return new Summary(result.getLong(1), clients.count(), result.getLong(2), result.getLong(3), result.getLong(4),
                        clients.unknownLine(), result.getObject(5, Long.class), result.getObject(6, Long.class));
            }
        });
    }

    private record Clients(long count, Long unknownLine) {
    }

    /** The line of the first order (by first line) naming an unknown client. */
    ImportRejected unknownClient(long line) {
        String clientId = jdbc.prepareStatement("SELECT client_id FROM order_import_order WHERE first_line = ?", statement -> {
            statement.setLong(1, line);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        });
        return new ImportRejected(line, "client_id", "unknown client '" + clientId + "': import it with /api/imports/clients first");
    }

    /** The first line whose client or date differs from the first line of its order: where a run starts. */
    ImportRejected mixedOrder() {
        update("""
                CREATE TEMPORARY TABLE order_import_mixed (
                    order_id %s NOT NULL PRIMARY KEY, first_line BIGINT NOT NULL, client_id %s NULL, order_date DATE NULL,
                    KEY (first_line)
                ) ENGINE = Aria""".formatted(ID, ID));
        update("""
                INSERT INTO order_import_mixed (order_id, first_line) SELECT order_id, first_line FROM order_import_order
                WHERE client_id <> other_client OR order_date <> other_date""");
        update("""
                UPDATE order_import_line l JOIN order_import_mixed m ON m.first_line = l.run
                SET m.client_id = l.client_id, m.order_date = l.order_date WHERE l.run_lines IS NOT NULL""");
        return jdbc.prepareStatement("""
                SELECT l.run, l.order_id, l.client_id <> m.client_id, m.client_id, m.order_date, m.first_line
                FROM order_import_line l JOIN order_import_mixed m ON m.order_id = l.order_id
                WHERE l.run_lines IS NOT NULL AND (l.client_id <> m.client_id OR l.order_date <> m.order_date)
                ORDER BY l.run LIMIT 1""", statement -> {
            try (var result = statement.executeQuery()) {
                result.next();
                String order = "order '" + result.getString(2) + "' ";
                return result.getBoolean(3)
                        ? new ImportRejected(result.getLong(1), "client_id", order + "belongs to client '" + result.getString(4)
                        + "' on line " + result.getLong(6))
                        : new ImportRejected(result.getLong(1), "order_date", order + "is dated " + result.getString(5)
                        + " on line " + result.getLong(6));
            }
        });
    }

    static ImportRejected overflow(long line) {
        return new ImportRejected(line, "amount", "the order's total or margin needs more than 14 digits before the point");
    }

    /**
     * Numbers the lines of orders that come back later in the file after the lines of their earlier
     * runs, so that an order's lines are numbered 1..n in file order.
     */
    void numberSplitOrders() {
        update("CREATE TEMPORARY TABLE order_import_run (run BIGINT NOT NULL PRIMARY KEY, line_offset INT NOT NULL) ENGINE = Aria");
        update("""
                INSERT INTO order_import_run
                SELECT run, SUM(run_lines) OVER (PARTITION BY order_id ORDER BY run) - run_lines FROM order_import_line
                WHERE run_lines IS NOT NULL AND order_id IN (SELECT order_id FROM order_import_order WHERE split)""");
        update("""
                UPDATE order_import_line l STRAIGHT_JOIN order_import_run r ON r.run = l.run
                SET l.line_no = l.line_no + r.line_offset WHERE r.line_offset > 0""");
    }

    /**
     * Orders whose stored header equals the imported one are unchanged only if every stored line
     * does too (equal headers have equal line counts, so no stored line is left over).
     *
     * @return orders still unchanged
     */
    long compareLines() {
        update("CREATE TEMPORARY TABLE order_import_changed (order_id %s NOT NULL) ENGINE = Aria".formatted(ID));
        update("""
                INSERT INTO order_import_changed
                SELECT l.order_id FROM order_import_line l
                LEFT JOIN order_line s ON s.order_id = l.order_id AND s.line_no = l.line_no
                WHERE s.order_id IS NULL OR s.amount <> l.amount OR NOT s.margin <=> l.margin
                   OR NOT s.product_category <=> l.product_category""");
        update("""
                UPDATE order_import_order SET unchanged = FALSE
                WHERE unchanged AND order_id IN (SELECT order_id FROM order_import_changed)""");
        return jdbc.prepareStatement("SELECT COUNT(*) FROM order_import_order WHERE unchanged", statement -> {
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    /**
     * No order of the file is stored yet: plain inserts. Into an empty table (a first import) MariaDB
     * then buffers the rows and builds the indexes in bulk at commit, which needs unique_checks off;
     * the import has made sure there are no duplicates.
     */
    void insertNew() {
        update("""
                SET STATEMENT foreign_key_checks = 0, unique_checks = 0 FOR
                INSERT INTO customer_order (order_id, client_id, order_date, total, margin, line_count)
                SELECT order_id, client_id, order_date, total, margin, line_count FROM order_import_order""");
        update("""
                SET STATEMENT foreign_key_checks = 0, unique_checks = 0 FOR
                INSERT INTO order_line (order_id, line_no, amount, margin, product_category)
                SELECT order_id, line_no, amount, margin, product_category FROM order_import_line""");
    }

    /** Writes every order that is new or changed whole: header and lines upserted, surplus stored lines deleted. */
    void writeChanged(boolean someUnchanged) {
        update("""
                DELETE s FROM order_import_order o JOIN order_line s ON s.order_id = o.order_id AND s.line_no > o.line_count
                WHERE NOT o.unchanged AND o.stored_lines > o.line_count""");
        update("""
                SET STATEMENT foreign_key_checks = 0 FOR
                INSERT INTO customer_order (order_id, client_id, order_date, total, margin, line_count)
                SELECT order_id, client_id, order_date, total, margin, line_count FROM order_import_order WHERE NOT unchanged
                ON DUPLICATE KEY UPDATE client_id = VALUE(client_id), order_date = VALUE(order_date), total = VALUE(total),
                    margin = VALUE(margin), line_count = VALUE(line_count)""");
        update("""
                SET STATEMENT foreign_key_checks = 0 FOR
                INSERT INTO order_line (order_id, line_no, amount, margin, product_category)
                SELECT order_id, line_no, amount, margin, product_category FROM order_import_line %s
                ON DUPLICATE KEY UPDATE amount = VALUE(amount), margin = VALUE(margin),
                    product_category = VALUE(product_category)""".formatted(someUnchanged
                ? "WHERE order_id NOT IN (SELECT order_id FROM order_import_order WHERE unchanged)" : ""));
    }

    void drop() {
        update("""
                DROP TEMPORARY TABLE IF EXISTS order_import_line, order_import_order, order_import_split, order_import_mixed,
                    order_import_run, order_import_changed""");
    }

    private void update(String sql) {
        jdbc.execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
    }
}
