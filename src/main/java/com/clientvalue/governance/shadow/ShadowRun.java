package com.clientvalue.governance.shadow;

import com.clientvalue.audit.AdminLog;
import com.clientvalue.decision.Decision;
import com.clientvalue.decision.DecisionsRecorded;

import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RulePublisher;
import com.clientvalue.rules.RulesActivated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * A candidate running in shadow: after each live decision is answered and audited, the same inputs
 * are evaluated with the candidate, off the request path, and the comparison is kept with the run.
 * Nothing from the shadow is returned or audited as a decision. Only a candidate that passed every
 * check may run in shadow; it stays a candidate (never a published version). A run ends when it is
 * dropped, replaced by another, or when its rules are published; ended runs keep their report.
 */
@Singleton
public class ShadowRun {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRun.class);
    private final ShadowRuns runs;
    private final ActiveRuleBase rules;
    private final ShadowComparisons comparisons;
    private final AdminLog log;
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> new Thread(runnable, "shadow-comparisons"));
    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private volatile Compiled compiled;
    /**
     * Until when (System.nanoTime) no shadow is known to run: most of the time none does, and the
     * comparisons of every recorded decision would otherwise ask the database. A shadow started here
     * is seen at once, one started on another instance within {@link #RECHECK_NANOS}.
     */
    private volatile Long noShadowUntil;
    /** When a shadow was last started here: for a while after, the database is asked every time (its commit may be under way). */
    private volatile long startedHereAt = System.nanoTime() - 10 * RECHECK_NANOS;

    private final RulePublisher publisher;

    ShadowRun(ShadowRuns runs, ActiveRuleBase rules, ShadowComparisons comparisons, AdminLog log, RulePublisher publisher) {
        this.publisher = publisher;
        this.runs = runs;
        this.rules = rules;
        this.comparisons = comparisons;
        this.log = log;
    }

    /** A run and what it found; endedAt null while it runs. */
    @Serdeable
    public record ShadowReport(long runId, String version, Instant startedAt, String startedBy, @Nullable String checks,
                        @Nullable Instant endedAt, @Nullable String endedBy, @Nullable String endReason, long compared,
                        long differing, List<ShadowComparisons.Difference> latestDifferences) {
    }

    private record Compiled(long runId, RuleBase ruleBase) {
    }

    /** Starts a checked candidate in shadow, ending the run it replaces. */
    @Transactional
    public ShadowReport start(RulePublisher.Checked candidate, String who) {
        Optional<ShadowRuns.Run> replaced = runs.running();
        replaced.ifPresent(run -> endLogged(run, who, "replaced by a new shadow"));
        long id = runs.insert(candidate.ruleBase(), who, candidate.checks());
        compiled = new Compiled(id, candidate.ruleBase());
        startedHereAt = System.nanoTime();
        noShadowUntil = null;
        log.record(who, "SHADOW_STARTED", "run " + id, "candidate " + candidate.ruleBase().version()
                + replaced.map(r -> "; replaces run " + r.id()).orElse("") + "; " + candidate.checks());
        return report(runs.find(id).orElseThrow());
    }

    /**
     * Checks candidate files as a publication would and starts them in shadow; a refusal is written
     * to the admin log (apart, so it stays) and thrown with every problem. The API and the console start shadows so.
     */
    public ShadowReport startChecked(java.util.List<com.clientvalue.rules.RuleSource> files, String who) {
        RulePublisher.Checked candidate;
        try {
            candidate = publisher.checked(files, "no shadow was started");
        } catch (com.clientvalue.rules.RulesRejected refused) {
            log.recordApart(who, "SHADOW_REFUSED", null, refused.getDetail());
            throw refused;
        }
        return start(candidate, who);
    }

    /** Drops the running shadow, if any; its report stays readable. */
    @Transactional
    public Optional<ShadowReport> stop(String who) {
        return runs.running().map(run -> {
            endLogged(run, who, "dropped");
            return report(runs.find(run.id()).orElseThrow());
        });
    }

    /** The running shadow. Reads only. */
    public Optional<ShadowReport> running() {
        return runs.running().map(this::report);
    }

    public Optional<ShadowReport> run(long id) {
        return runs.find(id).map(this::report);
    }

    public List<ShadowReport> list(int limit) {
        return runs.list(limit).stream().map(this::report).toList();
    }

    /** Publishing (or activating) the very rules in shadow ends the shadow: there is nothing left to compare. */
    @EventListener
    void onActivated(RulesActivated activated) {
        runs.running().filter(run -> run.version().equals(activated.toVersion()))
                .ifPresent(run -> endLogged(run, activated.by(), "its rules became the active version ("
                        + activated.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")"));
    }

    private void endLogged(ShadowRuns.Run run, String who, String reason) {
        if (runs.end(run.id(), who, reason)) {
            ShadowReport report = report(runs.find(run.id()).orElseThrow());
            log.record(who, "SHADOW_STOPPED", "run " + run.id(), "candidate " + run.version() + " " + reason + " after "
                    + report.compared() + " decisions compared, " + report.differing() + " differing");
        }
    }

    private ShadowReport report(ShadowRuns.Run run) {
        return comparisons.summary(run);
    }

    /**
     * Hands the decisions to a thread of the shadow's own, with a bounded queue: the answer never
     * waits, and under overload comparisons are dropped (and counted in the log), never decisions.
     * Published only once the decisions' audit records are committed.
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
            Optional<ShadowRuns.Run> run = runningForComparisons().filter(r -> !r.version().equals(rules.current().version()));
            if (run.isEmpty()) {
                return;
            }
            RuleBase candidate = candidate(run.get());
            List<ShadowComparisons.Comparison> results = new ArrayList<>();
            for (Decision decision : decisions) {
                results.add(new ShadowComparisons.Comparison(decision, comparisons.evaluate(decision, candidate)));
            }
            comparisons.save(run.get().id(), candidate.version(), results);
        } catch (RuntimeException e) {
            LOG.warn("Shadow comparison skipped for {} decisions: {}", decisions.size(), e.getMessage());
        }
    }

    private Optional<ShadowRuns.Run> runningForComparisons() {
        long now = System.nanoTime();
        Long until = noShadowUntil;
        if (until != null && now - until < 0) {
            return Optional.empty();
        }
        Optional<ShadowRuns.Run> run = runs.running();
        boolean settled = now - startedHereAt > 2 * RECHECK_NANOS;
        noShadowUntil = run.isEmpty() && settled ? now + RECHECK_NANOS : null;
        return run;
    }

    // a run another instance started is compiled here from its stored files, once
    private RuleBase candidate(ShadowRuns.Run run) {
        Compiled known = compiled;
        if (known == null || known.runId() != run.id()) {
            known = new Compiled(run.id(), ActiveRuleBase.compile(runs.files(run.id())));
            compiled = known;
        }
        return known.ruleBase();
    }

    @PreDestroy
    void close() {
        worker.shutdown();
    }
}
