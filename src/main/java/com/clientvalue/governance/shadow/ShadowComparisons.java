package com.clientvalue.governance.shadow;

import com.clientvalue.decision.Decision;
import com.clientvalue.decision.DecisionEvaluator;
import com.clientvalue.decision.Outcome;
import com.clientvalue.decision.OutcomeSummary;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stores and sums up how live decisions compare with a shadow run's candidate, by run. */
@Singleton
@Connectable
public class ShadowComparisons {
    private static final int LATEST = 20;
    private final JdbcOperations jdbc;
    private final DecisionEvaluator evaluator;
    private final JsonMapper json;
    private final Clock clock;

    ShadowComparisons(JdbcOperations jdbc, DecisionEvaluator evaluator, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.evaluator = evaluator;
        this.json = json;
        this.clock = clock;
    }

    record Comparison(Decision decision, Outcome shadowOutcome) {
        boolean differs() {
            return !OutcomeSummary.of(decision.outcome()).equals(OutcomeSummary.of(shadowOutcome));
        }
    }

    /** A live decision the shadow would have decided differently. */
    @Serdeable
    public record Difference(String decisionId, String clientId, Instant comparedAt,
                      @Schema(implementation = Object.class, description = "the outcome the active version gave (as in a decision)") JsonNode active,
                      @Schema(implementation = Object.class, description = "the outcome the shadow candidate would have given") JsonNode shadow) {
    }

    Outcome evaluate(Decision decision, com.clientvalue.rules.RuleBase candidate) {
        return evaluator.evaluate(decision.facts(), decision.previousDecision(), decision.serviceRequest(), candidate).outcome();
    }

    void save(long runId, String version, List<Comparison> comparisons) {
        jdbc.prepareStatement("INSERT INTO shadow_comparison (shadow_version, decision_id, client_id, compared_at, differs, "
                + "active_outcome, shadow_outcome, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            Timestamp now = Timestamp.from(clock.instant());
            for (Comparison comparison : comparisons) {
                boolean differs = comparison.differs();
                statement.setString(1, version);
                statement.setString(2, comparison.decision().decisionId());
                statement.setString(3, comparison.decision().clientId());
                statement.setTimestamp(4, now);
                statement.setBoolean(5, differs);
                statement.setString(6, differs ? json(OutcomeSummary.of(comparison.decision().outcome())) : null);
                statement.setString(7, differs ? json(OutcomeSummary.of(comparison.shadowOutcome())) : null);
                statement.setLong(8, runId);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    ShadowRun.ShadowReport summary(ShadowRuns.Run run) {
        long[] counts = jdbc.prepareStatement("SELECT COUNT(*), COALESCE(SUM(differs), 0) FROM shadow_comparison "
                + "WHERE run_id = ?", statement -> {
            statement.setLong(1, run.id());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new long[]{rows.getLong(1), rows.getLong(2)};
            }
        });
        List<Difference> latest = jdbc.prepareStatement("SELECT decision_id, client_id, compared_at, active_outcome, shadow_outcome "
                + "FROM shadow_comparison WHERE run_id = ? AND differs ORDER BY id DESC LIMIT " + LATEST,
                statement -> {
                    statement.setLong(1, run.id());
                    List<Difference> found = new ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(new Difference(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                                    tree(rows.getString(4)), tree(rows.getString(5))));
                        }
                    }
                    return found;
                });
        return new ShadowRun.ShadowReport(run.id(), run.version(), run.startedAt(), run.startedBy(), run.checks(), run.endedAt(),
                run.endedBy(), run.endReason(), counts[0], counts[1], latest);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode tree(String document) {
        try {
            return json.readValue(document, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
