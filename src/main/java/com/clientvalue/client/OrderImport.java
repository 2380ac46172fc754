package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports order lines from CSV (an optional margin column gives each line's margin; an order's
 * margin is the sum of the margins given). An order_id in the file replaces every stored line of that order,
 * so importing the same file twice changes nothing. Streams in chunks inside one transaction.
 */
@Singleton
public class OrderImport {
    static final List<String> REQUIRED = List.of("client_id", "order_id", "order_date", "amount");
    private static final int CHUNK = 5_000;

    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;

    OrderImport(JdbcOperations jdbc, PortfolioRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    /** An order as the file gives it: who, when, the sum of its lines so far. */
    private static final class OrderInFile {
        final String clientId;
        final LocalDate date;
        final long firstLine;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal margin;
        int lines;

        OrderInFile(String clientId, LocalDate date, long firstLine) {
            this.clientId = clientId;
            this.date = date;
            this.firstLine = firstLine;
        }
    }

    private record Line(String orderId, int lineNo, BigDecimal amount, BigDecimal margin) {
    }

    @Transactional
    public ImportResult run(InputStream csv) {
        Map<String, OrderInFile> orders = new LinkedHashMap<>();
        KnownClients knownClients = new KnownClients(jdbc);
        long rows = 0;
        try (CsvRows csvRows = new CsvRows(csv, REQUIRED, List.of("margin"))) {
            List<CsvRow> chunk = new ArrayList<>(CHUNK);
            for (CsvRow row = csvRows.nextRow(); row != null; row = csvRows.nextRow()) {
                chunk.add(row);
                rows++;
                if (chunk.size() == CHUNK) {
                    writeChunk(chunk, orders, knownClients);
                    chunk.clear();
                }
            }
            writeChunk(chunk, orders, knownClients);
        }
        writeTotals(orders);
        revision.bump();
        long clients = orders.values().stream().map(o -> o.clientId).distinct().count();
        return new ImportResult(rows, clients, (long) orders.size());
    }

    private void writeChunk(List<CsvRow> chunk, Map<String, OrderInFile> orders, KnownClients knownClients) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Line> lines = new ArrayList<>(chunk.size());
        Map<String, OrderInFile> newOrders = new LinkedHashMap<>();
        Map<String, CsvRow> clientFirstSeen = new HashMap<>();
        for (CsvRow row : chunk) {
            String clientId = row.required("client_id", 64);
            String orderId = row.required("order_id", 64);
            LocalDate date = row.date("order_date");
            BigDecimal amount = row.amount("amount");
            BigDecimal margin = row.text("margin").isEmpty() ? null : row.amount("margin");
            OrderInFile order = orders.get(orderId);
            if (order == null) {
                order = new OrderInFile(clientId, date, row.line());
                orders.put(orderId, order);
                newOrders.put(orderId, order);
            } else if (!order.clientId.equals(clientId)) {
                throw row.reject("client_id", "order '" + orderId + "' belongs to client '" + order.clientId
                        + "' on line " + order.firstLine);
            } else if (!order.date.equals(date)) {
                throw row.reject("order_date", "order '" + orderId + "' is dated " + order.date + " on line " + order.firstLine);
            }
            order.total = order.total.add(amount);
            if (margin != null) {
                order.margin = order.margin == null ? margin : order.margin.add(margin);
            }
            order.lines++;
            lines.add(new Line(orderId, order.lines, amount, margin));
            if (!knownClients.contains(clientId)) {
                clientFirstSeen.putIfAbsent(clientId, row);
            }
        }
        knownClients.require(clientFirstSeen);
        replaceOrders(newOrders);
        insertLines(lines);
    }

    // the first time the file names an order, its stored lines go (cascade) and a fresh header comes
    private void replaceOrders(Map<String, OrderInFile> newOrders) {
        if (newOrders.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("DELETE FROM customer_order WHERE order_id = ?", statement -> {
            for (String orderId : newOrders.keySet()) {
                statement.setString(1, orderId);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("INSERT INTO customer_order (order_id, client_id, order_date, total, line_count) "
                + "VALUES (?, ?, ?, 0, 0)", statement -> {
            for (Map.Entry<String, OrderInFile> order : newOrders.entrySet()) {
                statement.setString(1, order.getKey());
                statement.setString(2, order.getValue().clientId);
                statement.setDate(3, Date.valueOf(order.getValue().date));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private void insertLines(List<Line> lines) {
        jdbc.prepareStatement("INSERT INTO order_line (order_id, line_no, amount, margin) VALUES (?, ?, ?, ?)", statement -> {
            for (Line line : lines) {
                statement.setString(1, line.orderId());
                statement.setInt(2, line.lineNo());
                statement.setBigDecimal(3, line.amount());
                statement.setBigDecimal(4, line.margin());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private void writeTotals(Map<String, OrderInFile> orders) {
        jdbc.prepareStatement("UPDATE customer_order SET total = ?, margin = ?, line_count = ? WHERE order_id = ?", statement -> {
            int pending = 0;
            for (Map.Entry<String, OrderInFile> order : orders.entrySet()) {
                statement.setBigDecimal(1, order.getValue().total);
                statement.setBigDecimal(2, order.getValue().margin);
                statement.setInt(3, order.getValue().lines);
                statement.setString(4, order.getKey());
                statement.addBatch();
                if (++pending % CHUNK == 0) {
                    statement.executeBatch();
                }
            }
            return statement.executeBatch();
        });
    }

}
