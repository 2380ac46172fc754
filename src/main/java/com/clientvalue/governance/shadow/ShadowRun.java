package com.clientvalue.governance.shadow;

import com.clientvalue.decision.Decision;
import com.clientvalue.decision.DecisionsRecorded;

import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleVersions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A candidate version running in shadow: after each live decision is answered and audited, the same
 * inputs are evaluated with the candidate, off the request path, and the comparison is kept. Nothing
 * from the shadow is returned or audited as a decision. Shared through MariaDB by all instances.
 */
@Singleton
class ShadowRun {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRun.class);
    private final JdbcOperations jdbc;
    private final ActiveRuleBase rules;
    private final RuleVersions versions;
    private final ShadowComparisons comparisons;
    private final Clock clock;
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> new Thread(runnable, "shadow-comparisons"));

    ShadowRun(JdbcOperations jdbc, ActiveRuleBase rules, RuleVersions versions, ShadowComparisons comparisons, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.versions = versions;
        this.comparisons = comparisons;
        this.clock = clock;
    }

    /** The shadow and what it found so far. */
    @Serdeable
    record ShadowReport(String version, Instant startedAt, String startedBy, long compared, long differing,
                        List<ShadowComparisons.Difference> latestDifferences) {
    }

    @Transactional
    ShadowReport start(RuleBase candidate, String who) {
        versions.store(candidate, who, "shadow candidate");
        jdbc.prepareStatement("REPLACE INTO rule_shadow (id, version, started_at, started_by) VALUES (1, ?, ?, ?)", statement -> {
            statement.setString(1, candidate.version());
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.setString(3, who);
            return statement.executeUpdate();
        });
        rules.compiled(candidate.version());
        return report().orElseThrow();
    }

    @Transactional
    void stop() {
        jdbc.prepareStatement("DELETE FROM rule_shadow", statement -> statement.executeUpdate());
    }

    /** The running shadow; one that has since been published is over. */
    @Transactional
    Optional<ShadowReport> report() {
        Optional<ShadowReport> found = jdbc.prepareStatement("SELECT version, started_at, started_by FROM rule_shadow WHERE id = 1",
                statement -> {
                    try (var rows = statement.executeQuery()) {
                        return rows.next()
                                ? Optional.of(new ShadowReport(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                                0, 0, List.of()))
                                : Optional.<ShadowReport>empty();
                    }
                });
        if (found.isPresent() && found.get().version().equals(rules.current().version())) {
            stop();
            return Optional.empty();
        }
        return found.map(r -> comparisons.summary(r));
    }

    /**
     * Hands the decisions to a thread of the shadow's own, with a bounded queue: the answer never
     * waits, and under overload comparisons are dropped (and counted in the log), never decisions.
     */
    @EventListener
    void compare(DecisionsRecorded recorded) {
        try {
            worker.execute(() -> compareNow(recorded.decisions()));
        } catch (RejectedExecutionException e) {
            LOG.warn("Shadow queue full: {} decisions not compared", recorded.decisions().size());
        }
    }

    private void compareNow(List<Decision> decisions) {
        try {
            Optional<String> version = comparisons.shadowVersion().filter(v -> !v.equals(rules.current().version()));
            if (version.isEmpty()) {
                return;
            }
            RuleBase candidate = rules.compiled(version.get());
            List<ShadowComparisons.Comparison> results = new ArrayList<>();
            for (Decision decision : decisions) {
                results.add(new ShadowComparisons.Comparison(decision, comparisons.evaluate(decision, candidate)));
            }
            comparisons.save(candidate.version(), results);
        } catch (RuntimeException e) {
            LOG.warn("Shadow comparison skipped for {} decisions: {}", decisions.size(), e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        worker.shutdown();
    }
}
