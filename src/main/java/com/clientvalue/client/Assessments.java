package com.clientvalue.client;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Assessments of clients, history kept; a new one is a fact for the next decisions. */
@Singleton
@Connectable
public class Assessments {
    private static final String COLUMNS = "id, client_id, assessed_on, assessors, competition_risk, competition_opportunity, "
            + "service_level_risk, service_level_opportunity, knowledge_risk, knowledge_opportunity, product_risk, "
            + "product_opportunity, people_risk, people_opportunity, notes, recorded_at";
    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;
    private final Clock clock;

    Assessments(JdbcOperations jdbc, PortfolioRevision revision, Clock clock) {
        this.jdbc = jdbc;
        this.revision = revision;
        this.clock = clock;
    }

    @Transactional
    Assessment record(String clientId, Assessment assessment) {
        if (!KnownClients.exists(jdbc, clientId)) {
            throw new ClientNotFound(clientId);
        }
        jdbc.prepareStatement("INSERT INTO assessment (" + COLUMNS.substring("id, ".length()) + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            int i = 1;
            statement.setString(i++, clientId);
            statement.setDate(i++, Date.valueOf(assessment.assessedOn()));
            statement.setString(i++, String.join("\n", assessment.assessors().stream().map(String::trim).toList()));
            for (Assessment.Rating rating : List.of(assessment.competition(), assessment.serviceLevel(), assessment.knowledge(),
                    assessment.product(), assessment.people())) {
                statement.setInt(i++, rating.risk());
                statement.setInt(i++, rating.opportunity());
            }
            statement.setString(i++, assessment.notes());
            statement.setTimestamp(i, Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
        revision.bump();
        return history(clientId).get(0);
    }

    /** Newest first (by assessment date, then by recording). */
    public List<Assessment> history(String clientId) {
        if (!KnownClients.exists(jdbc, clientId)) {
            throw new ClientNotFound(clientId);
        }
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM assessment WHERE client_id = ? ORDER BY assessed_on DESC, id DESC",
                statement -> {
                    statement.setString(1, clientId);
                    List<Assessment> found = new ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(read(rows));
                        }
                    }
                    return found;
                });
    }

    private static Assessment read(ResultSet rows) throws SQLException {
        return new Assessment(rows.getLong("id"), rows.getString("client_id"), rows.getDate("assessed_on").toLocalDate(),
                Arrays.asList(rows.getString("assessors").split("\n")),
                rating(rows, "competition"), rating(rows, "service_level"), rating(rows, "knowledge"), rating(rows, "product"),
                rating(rows, "people"), rows.getString("notes"), rows.getTimestamp("recorded_at").toInstant());
    }

    private static Assessment.Rating rating(ResultSet rows, String dimension) throws SQLException {
        return new Assessment.Rating(rows.getInt(dimension + "_risk"), rows.getInt(dimension + "_opportunity"));
    }
}
