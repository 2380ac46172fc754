package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts clients from CSV by client_id. Optional columns absent from the header are left as they
 * are on existing clients. One transaction: a bad line and nothing is written.
 */
@Singleton
public class ClientImport {
    static final List<String> REQUIRED = List.of("client_id", "name", "country");
    static final List<String> OPTIONAL = List.of("sector", "company_type", "employees", "potential", "loss_reason");
    private static final int BATCH = 2_000;

    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;

    ClientImport(JdbcOperations jdbc, PortfolioRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    @Transactional
    public ImportResult run(InputStream csv) {
        try (CsvRows rows = new CsvRows(csv, REQUIRED, OPTIONAL)) {
            List<String> columns = new ArrayList<>(REQUIRED);
            OPTIONAL.stream().filter(rows::has).forEach(columns::add);
            Map<String, Long> seen = new HashMap<>();
            Timestamp now = Timestamp.from(Instant.now());
            long count = jdbc.prepareStatement(upsertSql(columns), statement -> {
                long read = 0;
                for (CsvRow row = rows.nextRow(); row != null; row = rows.nextRow()) {
                    bind(statement, row, columns, now, seen);
                    statement.addBatch();
                    if (++read % BATCH == 0) {
                        statement.executeBatch();
                    }
                }
                statement.executeBatch();
                return read;
            });
            revision.bump();
            return new ImportResult(count, seen.size(), null);
        }
    }

    private static void bind(PreparedStatement statement, CsvRow row, List<String> columns, Timestamp now,
                             Map<String, Long> seen) throws SQLException {
        String clientId = row.required("client_id", 64);
        Long earlier = seen.putIfAbsent(clientId, row.line());
        if (earlier != null) {
            throw row.reject("client_id", "client '" + clientId + "' is already on line " + earlier);
        }
        int i = 1;
        statement.setString(i++, clientId);
        statement.setString(i++, row.required("name", 255));
        statement.setString(i++, row.required("country", 100));
        for (String column : columns.subList(REQUIRED.size(), columns.size())) {
            switch (column) {
                case "sector" -> statement.setString(i++, row.optional("sector", 100));
                case "company_type" -> statement.setString(i++, Codes.of(row, "company_type", 50, "wholesaler, RETAILER"));
                case "employees" -> setInt(statement, i++, row.optionalInt("employees", 0, 10_000_000));
                case "potential" -> setInt(statement, i++, row.optionalInt("potential", 0, 100));
                case "loss_reason" -> statement.setString(i++, row.optional("loss_reason", 200));
                default -> throw new IllegalStateException(column);
            }
        }
        statement.setTimestamp(i++, now);
        statement.setTimestamp(i, now);
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static String upsertSql(List<String> columns) {
        String names = String.join(", ", columns);
        String marks = "?, ".repeat(columns.size());
        StringBuilder updates = new StringBuilder();
        for (String column : columns.subList(1, columns.size())) {
            updates.append(column).append(" = VALUES(").append(column).append("), ");
        }
        return "INSERT INTO client (" + names + ", created_at, updated_at) VALUES (" + marks + "?, ?) "
                + "ON DUPLICATE KEY UPDATE " + updates + "updated_at = VALUES(updated_at)";
    }
}
