package com.clientvalue.portfolio;

import com.clientvalue.audit.DecisionNotAudited;
import com.clientvalue.common.BusinessDate;
import com.clientvalue.common.Problems;
import com.clientvalue.rules.ActionDefinition;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.Vocabulary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Actions proposed by decisions that the CRM reports as done, and what followed: whether the client
 * placed an order with a positive total within 90 days after the action.
 */
@Singleton
@Connectable
public class ActionRecords {
    static final int FOLLOW_UP_DAYS = 90;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final ActiveRuleBase rules;

    ActionRecords(JdbcOperations jdbc, Clock clock, ActiveRuleBase rules) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
    }

    /** The CRM did an action a decision proposed. */
    @Serdeable
    record ActionDone(@NotBlank @Size(max = 36) String decisionId, @NotBlank @Size(max = 64) String actionCode,
                      @NotNull @PastOrPresent @BusinessDate LocalDate doneOn, @Nullable @Size(max = 500) String outcome) {
    }

    /**
     * Per cluster, lifecycle at the decision and action (and month the action was done, when asked):
     * how many were done, and how many of those clients ordered within 90 days after (counted only for
     * actions done at least 90 days before asOf); what they cost by the active vocabulary's cost per
     * action, and the cost per result: what the followed-up actions cost, divided by the clients that ordered.
     */
    @Serdeable
    public record ActionResult(@Nullable String period, @Nullable String cluster, @Nullable String lifecycle, String actionCode,
                               long done, long followedUp, long orderedWithin90Days, @Nullable BigDecimal orderedShare,
                               @Nullable BigDecimal costHours, @Nullable BigDecimal costAmount,
                               @Nullable BigDecimal hoursPerResult, @Nullable BigDecimal amountPerResult) {
    }

    /** How the results are split over time. */
    public enum Per { ALL, MONTH }

    /** The decision did not propose this action. */
    static final class ActionNotProposed extends AbstractThrowableProblem {
        ActionNotProposed(String decisionId, String actionCode) {
            super(Problems.type("action-not-proposed"), "Action not proposed", Status.UNPROCESSABLE_ENTITY,
                    "actionCode: decision '" + decisionId + "' did not propose " + actionCode, null, null,
                    Map.of("field", "actionCode"));
        }
    }

    /** The action is reported done before the business date its decision was made for: it could not follow it. */
    static final class ActionBeforeDecision extends AbstractThrowableProblem {
        ActionBeforeDecision(String decisionId, LocalDate doneOn, LocalDate asOf) {
            super(Problems.type("action-before-decision"), "Action before its decision", Status.UNPROCESSABLE_ENTITY,
                    "doneOn: " + doneOn + " is before " + asOf + ", the date decision '" + decisionId + "' was made as of; "
                            + "an action proposed by a decision is done on or after that date", null, null,
                    Map.of("field", "doneOn", "asOf", asOf.toString()));
        }
    }

    @Transactional
    void record(ActionDone done) {
        Map<String, String> decision = jdbc.prepareStatement("SELECT a.client_id, a.cluster, a.lifecycle, a.decision, a.as_of, d.body FROM decision_audit a "
                + "LEFT JOIN decision_document d ON d.decision_id = a.decision_id WHERE a.decision_id = ?", statement -> {
            statement.setString(1, done.decisionId());
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Map.<String, String>of();
                }
                Map<String, String> found = new java.util.HashMap<>();
                found.put("client", rows.getString(1));
                found.put("cluster", rows.getString(2));
                found.put("lifecycle", rows.getString(3));
                byte[] body = rows.getBytes(6); // the ledger's compressed document, or a pre-ledger row's own
                found.put("document", body != null ? com.clientvalue.audit.DocumentCodec.decompress(body) : rows.getString(4));
                found.put("asOf", rows.getDate(5).toLocalDate().toString());
                return found;
            }
        });
        if (decision.isEmpty()) {
            throw new DecisionNotAudited(done.decisionId());
        }
        if (!decision.get("document").contains("\"code\":\"" + done.actionCode() + "\"")) {
            throw new ActionNotProposed(done.decisionId(), done.actionCode());
        }
        LocalDate asOf = LocalDate.parse(decision.get("asOf"));
        if (done.doneOn().isBefore(asOf)) {
            throw new ActionBeforeDecision(done.decisionId(), done.doneOn(), asOf);
        }
        jdbc.prepareStatement("INSERT INTO action_record (decision_id, client_id, cluster, lifecycle, action_code, done_on, outcome, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE done_on = VALUES(done_on), "
                + "outcome = VALUES(outcome), recorded_at = VALUES(recorded_at)", statement -> {
            statement.setString(1, done.decisionId());
            statement.setString(2, decision.get("client"));
            statement.setString(3, decision.get("cluster"));
            statement.setString(4, decision.get("lifecycle"));
            statement.setString(5, done.actionCode());
            statement.setDate(6, Date.valueOf(done.doneOn()));
            statement.setString(7, done.outcome());
            statement.setTimestamp(8, Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
    }

    public List<ActionResult> results(LocalDate asOf) {
        return results(asOf, Per.ALL);
    }

    public List<ActionResult> results(LocalDate asOf, Per per) {
        String period = per == Per.MONTH ? "DATE_FORMAT(r.done_on, '%Y-%m')" : "NULL";
        Vocabulary vocabulary = rules.current().vocabulary();
        return jdbc.prepareStatement("SELECT " + period + " AS period, r.cluster, r.lifecycle, r.action_code, COUNT(*), "
                + """
                       SUM(CASE WHEN r.done_on <= ? THEN 1 ELSE 0 END),
                       SUM(CASE WHEN r.done_on <= ? AND EXISTS (SELECT 1 FROM customer_order o WHERE o.client_id = r.client_id
                           AND o.total > 0 AND o.order_date > r.done_on AND o.order_date <= DATE_ADD(r.done_on, INTERVAL 90 DAY))
                           THEN 1 ELSE 0 END)
                  FROM action_record r WHERE r.done_on <= ?
                 GROUP BY period, r.cluster, r.lifecycle, r.action_code ORDER BY period, r.cluster, r.lifecycle, r.action_code
                """, statement -> {
            Date cutoff = Date.valueOf(asOf.minusDays(FOLLOW_UP_DAYS));
            statement.setDate(1, cutoff);
            statement.setDate(2, cutoff);
            statement.setDate(3, Date.valueOf(asOf));
            List<ActionResult> results = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    String code = rows.getString(4);
                    long done = rows.getLong(5);
                    long followed = rows.getLong(6);
                    long ordered = rows.getLong(7);
                    ActionDefinition action = vocabulary.action(code).orElse(null);
                    BigDecimal hours = action == null ? null : action.costHours();
                    BigDecimal amount = action == null ? null : action.costAmount();
                    results.add(new ActionResult(rows.getString(1), rows.getString(2), rows.getString(3), code, done, followed,
                            ordered, followed == 0 ? null
                            : BigDecimal.valueOf(ordered).divide(BigDecimal.valueOf(followed), 6, RoundingMode.HALF_UP),
                            times(hours, done), times(amount, done), perResult(hours, followed, ordered),
                            perResult(amount, followed, ordered)));
                }
            }
            return results;
        });
    }

    private static @Nullable BigDecimal times(@Nullable BigDecimal cost, long count) {
        return cost == null ? null : cost.multiply(BigDecimal.valueOf(count));
    }

    /** What the followed-up actions cost per client that ordered after one: none without a cost or a result. */
    private static @Nullable BigDecimal perResult(@Nullable BigDecimal cost, long followed, long ordered) {
        return cost == null || ordered == 0 ? null
                : cost.multiply(BigDecimal.valueOf(followed)).divide(BigDecimal.valueOf(ordered), 2, RoundingMode.HALF_UP);
    }
}
