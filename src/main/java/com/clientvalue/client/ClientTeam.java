package com.clientvalue.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A client's assessment team: who is its key account, area manager and customer service (one person
 * per role). An assessment records each assessor's role, from the request or from this team.
 */
@Singleton
@Connectable
public class ClientTeam {
    private final JdbcOperations jdbc;
    private final Clock clock;

    ClientTeam(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A person in a role. */
    @Serdeable
    public record Member(@NotNull TeamRole role, @NotBlank @Size(max = 100) String name, @Nullable Instant assignedAt) {
    }

    /** The team as replaced by the CRM: at most one person per role; missingRoles = the method's roles nobody holds. */
    @Serdeable
    public record Team(@NotNull @Size(max = 3) List<@Valid @NotNull Member> members, @Nullable List<TeamRole> missingRoles) {
    }

    @Transactional
    public Team replace(String clientId, Team team) {
        if (!KnownClients.exists(jdbc, clientId)) {
            throw new ClientNotFound(clientId);
        }
        Set<TeamRole> seen = new HashSet<>();
        for (int i = 0; i < team.members().size(); i++) {
            if (!seen.add(team.members().get(i).role())) {
                throw new InvalidInput("members[" + i + "].role", team.members().get(i).role()
                        + " is given twice: a team has one person per role");
            }
        }
        jdbc.prepareStatement("DELETE FROM client_team_member WHERE client_id = ?", statement -> {
            statement.setString(1, clientId);
            return statement.executeUpdate();
        });
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.prepareStatement("INSERT INTO client_team_member (client_id, role, name, assigned_at) VALUES (?, ?, ?, ?)", statement -> {
            for (Member member : team.members()) {
                statement.setString(1, clientId);
                statement.setString(2, member.role().name());
                statement.setString(3, member.name().strip());
                statement.setTimestamp(4, now);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        return of(clientId);
    }

    public Team of(String clientId) {
        if (!KnownClients.exists(jdbc, clientId)) {
            throw new ClientNotFound(clientId);
        }
        List<Member> members = jdbc.prepareStatement("SELECT role, name, assigned_at FROM client_team_member WHERE client_id = ?",
                statement -> {
                    statement.setString(1, clientId);
                    List<Member> found = new ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(new Member(TeamRole.valueOf(rows.getString(1)), rows.getString(2),
                                    rows.getTimestamp(3).toInstant()));
                        }
                    }
                    return found;
                });
        members = members.stream().sorted(java.util.Comparator.comparing(Member::role)).toList();
        return new Team(members, missing(members.stream().map(Member::role).toList()));
    }

    /** The method's roles not among these, in the method's order. */
    static List<TeamRole> missing(List<TeamRole> present) {
        EnumSet<TeamRole> missing = EnumSet.allOf(TeamRole.class);
        present.forEach(missing::remove);
        return List.copyOf(missing);
    }
}
