package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.sql.Date;
import java.sql.Types;
import java.util.List;

/** Imports what clients tell us: satisfaction surveys and complaints. All or nothing, idempotent. */
@Singleton
public class FeedbackImport {
    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;

    FeedbackImport(JdbcOperations jdbc, PortfolioRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    /** One survey per client and date; scores 1-5; re-importing replaces it. */
    @Transactional
    public ImportResult surveys(InputStream csv) {
        ImportResult result = KeyedImport.run(jdbc, csv, List.of("client_id", "survey_date", "expectation", "experience"),
                List.of("comment"),
                "INSERT INTO survey (client_id, survey_date, expectation, experience, comment) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE expectation = VALUES(expectation), experience = VALUES(experience), "
                        + "comment = VALUES(comment)",
                (statement, row) -> {
                    String clientId = row.required("client_id", 64);
                    var date = row.date("survey_date");
                    statement.setString(1, clientId);
                    statement.setDate(2, Date.valueOf(date));
                    statement.setInt(3, row.requiredInt("expectation", 1, 5));
                    statement.setInt(4, row.requiredInt("experience", 1, 5));
                    statement.setString(5, row.optional("comment", 1000));
                    return "client " + clientId + ", survey " + date;
                });
        revision.bump();
        return result;
    }

    /** One complaint per client, date and category; severity 1-5 when given; re-importing replaces it. */
    @Transactional
    public ImportResult complaints(InputStream csv) {
        ImportResult result = KeyedImport.run(jdbc, csv, List.of("client_id", "complaint_date", "category"),
                List.of("severity"),
                "INSERT INTO complaint (client_id, complaint_date, category, severity) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE severity = VALUES(severity)",
                (statement, row) -> {
                    String clientId = row.required("client_id", 64);
                    var date = row.date("complaint_date");
                    String category = row.required("category", 64);
                    statement.setString(1, clientId);
                    statement.setDate(2, Date.valueOf(date));
                    statement.setString(3, category);
                    Integer severity = row.optionalInt("severity", 1, 5);
                    if (severity == null) {
                        statement.setNull(4, Types.TINYINT);
                    } else {
                        statement.setInt(4, severity);
                    }
                    return "client " + clientId + ", " + date + ", " + category;
                });
        revision.bump();
        return result;
    }
}
