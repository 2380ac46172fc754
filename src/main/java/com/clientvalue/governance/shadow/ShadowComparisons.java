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
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stores and sums up how live decisions compare with a shadow version. */
@Singleton
@Connectable
class ShadowComparisons {
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
    record Difference(String decisionId, String clientId, Instant comparedAt, JsonNode active, JsonNode shadow) {
    }

    java.util.Optional<String> shadowVersion() {
        return jdbc.prepareStatement("SELECT version FROM rule_shadow WHERE id = 1", statement -> {
            try (var rows = statement.executeQuery()) {
                return rows.next() ? java.util.Optional.of(rows.getString(1)) : java.util.Optional.<String>empty();
            }
        });
    }

    Outcome evaluate(Decision decision, com.clientvalue.rules.RuleBase candidate) {
        return evaluator.evaluate(decision.facts(), decision.previousDecision(), decision.serviceRequest(), candidate).outcome();
    }

    void save(String version, List<Comparison> comparisons) {
        jdbc.prepareStatement("INSERT INTO shadow_comparison (shadow_version, decision_id, client_id, compared_at, differs, "
                + "active_outcome, shadow_outcome) VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
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
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    ShadowRun.ShadowReport summary(ShadowRun.ShadowReport shadow) {
        long[] counts = jdbc.prepareStatement("SELECT COUNT(*), COALESCE(SUM(differs), 0) FROM shadow_comparison "
                + "WHERE shadow_version = ? AND compared_at >= ?", statement -> {
            statement.setString(1, shadow.version());
            statement.setTimestamp(2, Timestamp.from(shadow.startedAt()));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new long[]{rows.getLong(1), rows.getLong(2)};
            }
        });
        List<Difference> latest = jdbc.prepareStatement("SELECT decision_id, client_id, compared_at, active_outcome, shadow_outcome "
                + "FROM shadow_comparison WHERE shadow_version = ? AND compared_at >= ? AND differs ORDER BY id DESC LIMIT " + LATEST,
                statement -> {
                    statement.setString(1, shadow.version());
                    statement.setTimestamp(2, Timestamp.from(shadow.startedAt()));
                    List<Difference> found = new ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.add(new Difference(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                                    tree(rows.getString(4)), tree(rows.getString(5))));
                        }
                    }
                    return found;
                });
        return new ShadowRun.ShadowReport(shadow.version(), shadow.startedAt(), shadow.startedBy(), counts[0], counts[1], latest);
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
