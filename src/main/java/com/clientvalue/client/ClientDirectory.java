package com.clientvalue.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds stored clients by id (its beginning, as typed: ids are case-sensitive) or by a part of their
 * name (any case), a page at a time in client_id order; no text lists every client.
 */
@Singleton
@Connectable
public class ClientDirectory {
    private final JdbcOperations jdbc;

    ClientDirectory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A client as a list shows it. */
    public record Listing(String clientId, String name, String country, @Nullable String sector) {
    }

    /** One page of the clients found, with how many were found in all. */
    public record Found(List<Listing> items, int page, int size, long total) {
    }

    public Found search(@Nullable String text, int page, int size) {
        String wanted = text == null ? "" : text.strip();
        String where = wanted.isEmpty() ? "" : " WHERE client_id LIKE ? OR name LIKE ?";
        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM client" + where, statement -> {
            bind(statement, wanted);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        List<Listing> items = jdbc.prepareStatement("SELECT client_id, name, country, sector FROM client" + where
                + " ORDER BY client_id LIMIT ? OFFSET ?", statement -> {
            int next = bind(statement, wanted);
            statement.setInt(next, size);
            statement.setLong(next + 1, (long) page * size);
            List<Listing> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Listing(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return found;
        });
        return new Found(items, page, size, total);
    }

    private static int bind(PreparedStatement statement, String wanted) throws SQLException {
        if (wanted.isEmpty()) {
            return 1;
        }
        String literal = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        statement.setString(1, literal + "%");
        statement.setString(2, "%" + literal + "%");
        return 3;
    }
}
