package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks, a chunk at a time, that the clients an import names exist; remembers those it found. */
final class KnownClients {
    private final JdbcOperations jdbc;
    private final Set<String> known = new HashSet<>();

    KnownClients(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether one client exists (the API's 404 check before recording something about it). */
    static boolean exists(JdbcOperations jdbc, String clientId) {
        return jdbc.prepareStatement("SELECT 1 FROM client WHERE client_id = ?", statement -> {
            statement.setString(1, clientId);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    boolean contains(String clientId) {
        return known.contains(clientId);
    }

    /** @param firstSeen client ids not yet known, each with the first line that names it */
    void require(Map<String, CsvRow> firstSeen) {
        if (firstSeen.isEmpty()) {
            return;
        }
        String marks = String.join(",", Collections.nCopies(firstSeen.size(), "?"));
        Set<String> found = jdbc.prepareStatement("SELECT client_id FROM client WHERE client_id IN (" + marks + ")", statement -> {
            int i = 1;
            for (String id : firstSeen.keySet()) {
                statement.setString(i++, id);
            }
            Set<String> ids = new HashSet<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
            return ids;
        });
        firstSeen.forEach((clientId, row) -> {
            if (!found.contains(clientId)) {
                throw row.reject("client_id", "unknown client '" + clientId + "': import it with /api/imports/clients first");
            }
        });
        known.addAll(found);
    }
}
