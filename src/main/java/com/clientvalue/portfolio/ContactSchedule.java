package com.clientvalue.portfolio;

import com.clientvalue.audit.AuditTrail;
import com.clientvalue.client.InvalidInput;
import com.clientvalue.decision.Decision;
import com.clientvalue.decision.ProposedAction;
import com.clientvalue.rules.ActionDefinition;
import com.clientvalue.rules.ActiveRuleBase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scheduled contacts: every action with a cadence (vocabulary/actions.csv) that a client's latest
 * decision proposes is due again cadence days after it was last reported done, or from that decision's
 * date when it never was. The due list gives, per owner, the contacts due on or before a date.
 */
@Singleton
@Connectable
public class ContactSchedule {
    private final JdbcOperations jdbc;
    private final ActiveRuleBase rules;
    private final AuditTrail audit;
    private final JsonMapper json;

    ContactSchedule(JdbcOperations jdbc, ActiveRuleBase rules, AuditTrail audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.audit = audit;
        this.json = json;
    }

    /**
     * A contact due: the client, the action its latest decision proposes, when it was last done (null:
     * never reported done), when it is due, and by how many days it is late on asOf (0: due that day).
     */
    @Serdeable
    public record DueContact(String clientId, String clientName, @Nullable String cluster, @Nullable String lifecycle,
                             String actionCode, String description, @Nullable String owner, @Nullable String channel,
                             int cadenceDays, @Nullable LocalDate lastDone, LocalDate nextDue, long daysLate, String decisionId) {
    }

    /** The contacts due on or before asOf (or within the horizon after it), soonest due first, one page of them. */
    @Serdeable
    public record DueList(LocalDate asOf, @Nullable String owner, int horizonDays, String ruleVersion, int total,
                          List<DueContact> items, int page, int size) {
    }

    /** The owners of the actions with a cadence in the active vocabulary, alphabetical: whom a due list can be for. */
    public List<String> owners() {
        return rules.current().vocabulary().actions().stream().filter(a -> a.cadenceDays() != null && a.owner() != null)
                .map(ActionDefinition::owner).distinct().sorted().toList();
    }

    public DueList due(@Nullable String owner, LocalDate asOf, int horizonDays, int page, int size) {
        var ruleBase = rules.current();
        List<ActionDefinition> scheduled = ruleBase.vocabulary().actions().stream()
                .filter(a -> a.cadenceDays() != null)
                .filter(a -> owner == null || owner.equalsIgnoreCase(a.owner()))
                .toList();
        if (owner != null && scheduled.isEmpty()) {
            throw new InvalidInput("owner", "'" + owner + "' is the owner of no action with a cadence in vocabulary/actions.csv; owners: "
                    + ruleBase.vocabulary().actions().stream().filter(a -> a.cadenceDays() != null && a.owner() != null)
                    .map(ActionDefinition::owner).collect(Collectors.toCollection(TreeSet::new)));
        }
        Map<String, ActionDefinition> byCode = scheduled.stream().collect(Collectors.toMap(ActionDefinition::code, a -> a));
        List<Proposal> proposals = proposals(byCode);
        Map<String, LocalDate> lastDone = lastDone(byCode.keySet(), asOf);
        LocalDate until = asOf.plusDays(horizonDays);
        List<DueContact> due = new ArrayList<>();
        for (Proposal proposal : proposals) {
            for (String code : proposal.codes()) {
                ActionDefinition action = byCode.get(code);
                if (action == null) {
                    continue;
                }
                LocalDate done = lastDone.get(proposal.clientId() + " " + code);
                LocalDate next = done != null ? done.plusDays(action.cadenceDays()) : proposal.asOf();
                if (!next.isAfter(until)) {
                    due.add(new DueContact(proposal.clientId(), proposal.name(), proposal.cluster(), proposal.lifecycle(), code,
                            action.description(), action.owner(), action.channel(), action.cadenceDays(), done, next,
                            Math.max(0, ChronoUnit.DAYS.between(next, asOf)), proposal.decisionId()));
                }
            }
        }
        due.sort(Comparator.comparing(DueContact::nextDue).thenComparing(DueContact::clientId).thenComparing(DueContact::actionCode));
        int from = (int) Math.min((long) page * size, due.size());
        return new DueList(asOf, owner, horizonDays, ruleBase.version(), due.size(),
                List.copyOf(due.subList(from, Math.min(from + size, due.size()))), page, size);
    }

    private record Proposal(String clientId, String name, String decisionId, LocalDate asOf, @Nullable String cluster,
                            @Nullable String lifecycle, List<String> codes) {
    }

    /** The latest decisions that propose one of these actions; those audited before V28 are read from their document. */
    private List<Proposal> proposals(Map<String, ActionDefinition> scheduled) {
        if (scheduled.isEmpty()) {
            return List.of();
        }
        String anyCode = "(^| )(" + String.join("|", new TreeSet<>(scheduled.keySet())) + ")( |$)";
        List<Proposal> proposals = jdbc.prepareStatement("SELECT l.client_id, c.name, l.decision_id, l.as_of, l.cluster, l.lifecycle, "
                + "l.action_codes FROM latest_decision l JOIN client c ON c.client_id = l.client_id "
                + "WHERE l.action_codes IS NULL OR l.action_codes REGEXP ?", statement -> {
            statement.setString(1, anyCode);
            List<Proposal> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    String codes = rows.getString(7);
                    found.add(new Proposal(rows.getString(1), rows.getString(2), rows.getString(3), rows.getDate(4).toLocalDate(),
                            rows.getString(5), rows.getString(6), codes == null ? null
                            : codes.isEmpty() ? List.of() : Arrays.asList(codes.split(" "))));
                }
            }
            return found;
        });
        return proposals.stream().map(p -> p.codes() != null ? p
                : new Proposal(p.clientId(), p.name(), p.decisionId(), p.asOf(), p.cluster(), p.lifecycle(), documentCodes(p.decisionId())))
                .toList();
    }

    private List<String> documentCodes(String decisionId) {
        String document = audit.document(decisionId).orElse(null);
        if (document == null) {
            return List.of();
        }
        try {
            return json.readValue(document, Decision.class).outcome().actions().stream().map(ProposedAction::code).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "client code" → the latest date on or before asOf that the action was reported done for the client. */
    private Map<String, LocalDate> lastDone(java.util.Set<String> codes, LocalDate asOf) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT client_id, action_code, MAX(done_on) FROM action_record WHERE done_on <= ? AND action_code IN ("
                + String.join(",", java.util.Collections.nCopies(codes.size(), "?")) + ") GROUP BY client_id, action_code", statement -> {
            statement.setDate(1, Date.valueOf(asOf));
            int i = 2;
            for (String code : codes) {
                statement.setString(i++, code);
            }
            Map<String, LocalDate> found = new HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1) + " " + rows.getString(2), rows.getDate(3).toLocalDate());
                }
            }
            return found;
        });
    }
}
