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
    private static final String COLUMNS = "id, client_id, assessed_on, assessors, assessor_roles, competition_risk, competition_opportunity, "
            + "service_level_risk, service_level_opportunity, knowledge_risk, knowledge_opportunity, product_risk, "
            + "product_opportunity, people_risk, people_opportunity, notes, recorded_at";
    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;
    private final Clock clock;
    private final ClientTeam team;

    Assessments(JdbcOperations jdbc, PortfolioRevision revision, Clock clock, ClientTeam team) {
        this.jdbc = jdbc;
        this.revision = revision;
        this.clock = clock;
        this.team = team;
    }

    @Transactional
    Assessment record(String clientId, Assessment assessment) {
        if (!KnownClients.exists(jdbc, clientId)) {
            throw new ClientNotFound(clientId);
        }
        List<String> assessors = assessment.assessors().stream().map(String::trim).toList();
        List<TeamRole> roles = roles(clientId, assessors, assessment.assessorRoles());
        jdbc.prepareStatement("INSERT INTO assessment (" + COLUMNS.substring("id, ".length()) + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            int i = 1;
            statement.setString(i++, clientId);
            statement.setDate(i++, Date.valueOf(assessment.assessedOn()));
            statement.setString(i++, String.join("\n", assessors));
            statement.setString(i++, String.join("\n", roles.stream().map(r -> r == null ? "" : r.name()).toList()));
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

    /**
     * Each assessor's role: as the request gives it, or the role the client's team gives that name (any
     * case), or none. A role given for a name that is not an assessor is refused, naming it.
     */
    private List<TeamRole> roles(String clientId, List<String> assessors, List<Assessment.Assessor> given) {
        java.util.Map<String, TeamRole> byName = new java.util.HashMap<>();
        for (ClientTeam.Member member : team.of(clientId).members()) {
            byName.put(member.name().toLowerCase(java.util.Locale.ROOT), member.role());
        }
        List<String> lowerAssessors = assessors.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList();
        List<Assessment.Assessor> stated = given == null ? List.of() : given;
        for (int i = 0; i < stated.size(); i++) {
            String name = stated.get(i).name().trim().toLowerCase(java.util.Locale.ROOT);
            if (!lowerAssessors.contains(name)) {
                throw new InvalidInput("assessorRoles[" + i + "].name", "'" + stated.get(i).name().trim()
                        + "' is not one of the assessors " + assessors);
            }
            byName.put(name, stated.get(i).role());
        }
        return lowerAssessors.stream().map(byName::get).toList();
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
        List<String> assessors = Arrays.asList(rows.getString("assessors").split("\n"));
        String storedRoles = rows.getString("assessor_roles");
        String[] roles = storedRoles == null ? new String[0] : storedRoles.split("\n", -1);
        List<Assessment.Assessor> assessorRoles = new ArrayList<>();
        for (int i = 0; i < assessors.size(); i++) {
            assessorRoles.add(new Assessment.Assessor(assessors.get(i),
                    i < roles.length && !roles[i].isEmpty() ? TeamRole.valueOf(roles[i]) : null));
        }
        return new Assessment(rows.getLong("id"), rows.getString("client_id"), rows.getDate("assessed_on").toLocalDate(),
                assessors, assessorRoles,
                rating(rows, "competition"), rating(rows, "service_level"), rating(rows, "knowledge"), rating(rows, "product"),
                rating(rows, "people"), rows.getString("notes"), rows.getTimestamp("recorded_at").toInstant(),
                ClientTeam.missing(assessorRoles.stream().map(Assessment.Assessor::role).filter(java.util.Objects::nonNull).toList()));
    }

    private static Assessment.Rating rating(ResultSet rows, String dimension) throws SQLException {
        return new Assessment.Rating(rows.getInt(dimension + "_risk"), rows.getInt(dimension + "_opportunity"));
    }
}
