package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports rows that belong to a client and are identified by a natural key (client and date,
 * client, date and category...): an upsert by that key, so re-importing a file changes nothing.
 * Streams in chunks inside the caller's transaction; a bad line and nothing is written.
 */
final class KeyedImport {
    private static final int CHUNK = 5_000;

    /** Reads one line: binds the upsert's parameters and returns the row's natural key. */
    interface Binder {
        String bind(PreparedStatement statement, CsvRow row) throws SQLException;
    }

    private KeyedImport() {
    }

    static ImportResult run(JdbcOperations jdbc, InputStream csv, List<String> required, List<String> optional,
                            String upsertSql, Binder binder) {
        KnownClients knownClients = new KnownClients(jdbc);
        Map<String, Long> keys = new HashMap<>();
        Set<String> clients = new HashSet<>();
        long rows = jdbc.prepareStatement(upsertSql, statement -> {
            long read = 0;
            try (CsvRows csvRows = new CsvRows(csv, required, optional)) {
                List<CsvRow> chunk = new ArrayList<>(CHUNK);
                for (CsvRow row = csvRows.nextRow(); row != null; row = csvRows.nextRow()) {
                    chunk.add(row);
                    read++;
                    if (chunk.size() == CHUNK) {
                        write(statement, chunk, binder, knownClients, keys, clients);
                    }
                }
                write(statement, chunk, binder, knownClients, keys, clients);
            }
            return read;
        });
        return new ImportResult(rows, clients.size(), null);
    }

    private static void write(PreparedStatement statement, List<CsvRow> chunk, Binder binder, KnownClients knownClients,
                              Map<String, Long> keys, Set<String> clients) throws SQLException {
        Map<String, CsvRow> unknown = new LinkedHashMap<>();
        for (CsvRow row : chunk) {
            String clientId = row.required("client_id", 64);
            if (!knownClients.contains(clientId)) {
                unknown.putIfAbsent(clientId, row);
            }
        }
        knownClients.require(unknown);
        for (CsvRow row : chunk) {
            String key = binder.bind(statement, row);
            Long earlier = keys.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw row.reject(null, "the same entry (" + key + ") is already on line " + earlier);
            }
            clients.add(row.text("client_id"));
            statement.addBatch();
        }
        statement.executeBatch();
        chunk.clear();
    }
}
