package com.clientvalue.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A client's satisfaction surveys as imported, with what the client said (the comment). */
@Singleton
@Connectable
public class Surveys {
    private final JdbcOperations jdbc;

    Surveys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Survey(LocalDate surveyDate, int expectation, int experience, @Nullable String comment) {
    }

    /** Newest first. */
    public List<Survey> of(String clientId) {
        return jdbc.prepareStatement("SELECT survey_date, expectation, experience, comment FROM survey WHERE client_id = ? "
                + "ORDER BY survey_date DESC", statement -> {
            statement.setString(1, clientId);
            List<Survey> surveys = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    surveys.add(new Survey(rows.getDate(1).toLocalDate(), rows.getInt(2), rows.getInt(3), rows.getString(4)));
                }
            }
            return surveys;
        });
    }
}
