package com.clientvalue.client;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The wish list: needs stated by clients, imported from the CRM (CSV, all or nothing, an upsert by
 * client and need id) or recorded one at a time through the API. A need's closing (met or dropped,
 * on a date) is recorded the same way; the facts of any date see the needs that were open on it.
 */
@Singleton
@Connectable
public class ClientNeeds {
    static final Set<String> OUTCOMES = Set.of("MET", "DROPPED");
    private static final String UPSERT = "INSERT INTO client_need (client_id, need_id, stated_on, category, text, closed_on, outcome) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE stated_on = VALUES(stated_on), category = VALUES(category), "
            + "text = VALUES(text), closed_on = VALUES(closed_on), outcome = VALUES(outcome)";
    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;

    ClientNeeds(JdbcOperations jdbc, PortfolioRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    /** Header client_id,need_id,stated_on,category,text and optionally closed_on,outcome. */
    @Transactional
    public ImportResult importCsv(InputStream csv) {
        ImportResult result = KeyedImport.run(jdbc, csv, List.of("client_id", "need_id", "stated_on", "category", "text"),
                List.of("closed_on", "outcome"), UPSERT, (statement, row) -> {
                    String clientId = row.required("client_id", 64);
                    String needId = row.required("need_id", 64);
                    LocalDate stated = row.date("stated_on");
                    String closedText = row.optional("closed_on", 10);
                    LocalDate closed = closedText == null ? null : row.date("closed_on");
                    String outcome = row.optional("outcome", 16);
                    if (outcome != null && !OUTCOMES.contains(outcome)) {
                        throw row.reject("outcome", "'" + outcome + "' is not an outcome: use MET or DROPPED (or leave it empty while the need is open)");
                    }
                    if ((closed == null) != (outcome == null)) {
                        throw row.reject(closed == null ? "closed_on" : "outcome",
                                "a closed need has both closed_on and outcome; an open one neither");
                    }
                    if (closed != null && closed.isBefore(stated)) {
                        throw row.reject("closed_on", "closed on " + closed + ", before it was stated (" + stated + ")");
                    }
                    bind(statement, clientId, new ClientNeed(needId, clientId, stated, row.required("category", 64),
                            row.required("text", 1000), closed, outcome));
                    return "client " + clientId + ", need " + needId;
                });
        revision.bump();
        return result;
    }

    /** Records a need (or replaces the one with its id): 404 for an unknown client. */
    @Transactional
    public ClientNeed record(String clientId, ClientNeed need) {
        if (!KnownClients.exists(jdbc, clientId)) {
            throw new ClientNotFound(clientId);
        }
        if ((need.closedOn() == null) != (need.outcome() == null)) {
            throw new InvalidInput("closedOn", "a closed need has both closedOn and outcome; an open one neither");
        }
        if (need.closedOn() != null && need.closedOn().isBefore(need.statedOn())) {
            throw new InvalidInput("closedOn", "closed on " + need.closedOn() + ", before it was stated (" + need.statedOn() + ")");
        }
        jdbc.prepareStatement(UPSERT, statement -> {
            bind(statement, clientId, need);
            return statement.executeUpdate();
        });
        revision.bump();
        return new ClientNeed(need.needId(), clientId, need.statedOn(), need.category(), need.text(), need.closedOn(), need.outcome());
    }

    /** A client's needs, newest stated first: 404 for an unknown client. */
    public List<ClientNeed> of(String clientId) {
        if (!KnownClients.exists(jdbc, clientId)) {
            throw new ClientNotFound(clientId);
        }
        return jdbc.prepareStatement("SELECT need_id, client_id, stated_on, category, text, closed_on, outcome FROM client_need "
                + "WHERE client_id = ? ORDER BY stated_on DESC, need_id", statement -> {
            statement.setString(1, clientId);
            List<ClientNeed> needs = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    Date closed = rows.getDate(6);
                    needs.add(new ClientNeed(rows.getString(1), rows.getString(2), rows.getDate(3).toLocalDate(), rows.getString(4),
                            rows.getString(5), closed == null ? null : closed.toLocalDate(), rows.getString(7)));
                }
            }
            return needs;
        });
    }

    /** The needs open on a date, per category: how many, of how many clients, and when the oldest was stated. */
    public record OpenCategory(String category, long needs, long clients, LocalDate oldestStatedOn) {
    }

    /** Every category with a need open on the date, the most needs first (then by name). */
    public List<OpenCategory> openByCategory(LocalDate asOf) {
        return jdbc.prepareStatement("SELECT category, COUNT(*), COUNT(DISTINCT client_id), MIN(stated_on) FROM client_need "
                + "WHERE stated_on <= ? AND (closed_on IS NULL OR closed_on > ?) GROUP BY category ORDER BY COUNT(*) DESC, category",
                statement -> {
                    statement.setDate(1, Date.valueOf(asOf));
                    statement.setDate(2, Date.valueOf(asOf));
                    List<OpenCategory> categories = new ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            categories.add(new OpenCategory(rows.getString(1), rows.getLong(2), rows.getLong(3),
                                    rows.getDate(4).toLocalDate()));
                        }
                    }
                    return categories;
                });
    }

    private static void bind(PreparedStatement statement, String clientId, ClientNeed need) throws SQLException {
        statement.setString(1, clientId);
        statement.setString(2, need.needId());
        statement.setDate(3, Date.valueOf(need.statedOn()));
        statement.setString(4, need.category());
        statement.setString(5, need.text());
        if (need.closedOn() == null) {
            statement.setNull(6, Types.DATE);
        } else {
            statement.setDate(6, Date.valueOf(need.closedOn()));
        }
        statement.setString(7, need.outcome());
    }

}
