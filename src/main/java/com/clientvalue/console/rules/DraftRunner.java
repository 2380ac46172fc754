package com.clientvalue.console.rules;

import com.clientvalue.governance.impact.ImpactPreview;
import com.clientvalue.governance.impact.ImpactReport;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RulePublisher;
import com.clientvalue.rules.RuleSource;
import com.clientvalue.rules.RulesRejected;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a draft's long work in the background: its validation ({@code RulePublisher.validate}, step
 * by step) and its impact preview ({@code ImpactPreview}, clients evaluated of the total), on
 * Micronaut's blocking executor, with progress and result kept in MariaDB by {@link DraftRuns}.
 * Starting work that is already running for the same state of the draft joins that run. While
 * this instance runs one, it beats its heartbeat; a run whose instance stopped shows as interrupted.
 */
@Singleton
class DraftRunner {
    /** Affected clients an impact preview lists, as the page shows them. */
    static final int SAMPLE = 20;
    static final List<String> IMPACT_STEPS = List.of(RulePublisher.COMPILE_STEP, "evaluate");
    private static final Logger LOG = LoggerFactory.getLogger(DraftRunner.class);

    private final DraftRuns runs;
    private final DraftCandidates candidates;
    private final RulePublisher publisher;
    private final ImpactPreview impact;
    private final RunReports reports;
    private final ExecutorService executor;
    private final String instance = "console-" + UUID.randomUUID();
    private final Set<Long> mine = ConcurrentHashMap.newKeySet();

    DraftRunner(DraftRuns runs, DraftCandidates candidates, RulePublisher publisher, ImpactPreview impact, RunReports reports,
                @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.runs = runs;
        this.candidates = candidates;
        this.publisher = publisher;
        this.impact = impact;
        this.reports = reports;
        this.executor = executor;
    }

    /** Starts validating the draft as it is now, or joins the validation of that same state already running; returns the run. */
    long validate(Draft draft, String by) {
        List<RuleSource> sources = candidates.sources(draft);
        List<String> steps = publisher.validationSteps();
        runs.interruptOrphans();
        DraftRuns.Started started = runs.start(draft.id(), DraftRun.Kind.VALIDATION, DraftCandidates.state(sources), null, by,
                instance, steps, 0);
        if (started.created()) {
            submit(started.id(), () -> {
                AtomicInteger done = new AtomicInteger();
                RulePublisher.ValidationReport report = publisher.validate(sources,
                        step -> runs.progress(started.id(), done.incrementAndGet(), 0));
                runs.finish(started.id(), DraftRun.Status.DONE, done.get(), 0, reports.write(report), null);
            });
        }
        return started.id();
    }

    /**
     * Starts previewing the draft's impact as of a date, its sample explained in the language of the
     * person who starts it, or joins the same preview already running; returns the run.
     */
    long impact(Draft draft, LocalDate asOf, String by, String language) {
        List<RuleSource> sources = candidates.sources(draft);
        runs.interruptOrphans();
        DraftRuns.Started started = runs.start(draft.id(), DraftRun.Kind.IMPACT, DraftCandidates.state(sources), asOf, by,
                instance, IMPACT_STEPS, runs.clients());
        if (started.created()) {
            submit(started.id(), () -> {
                RuleBase candidate;
                try {
                    candidate = publisher.compiled(sources);
                } catch (RulesRejected refused) {
                    runs.finish(started.id(), DraftRun.Status.REJECTED, 0, 0, reports.write(ProblemViews.of(refused)), null);
                    return;
                }
                runs.progress(started.id(), 1, 0);
                ImpactReport report = impact.preview(candidate, asOf, SAMPLE, language, evaluated -> runs.progress(started.id(), 1, evaluated));
                runs.finish(started.id(), DraftRun.Status.DONE, 2, report.clients(), reports.write(report), null);
            });
        }
        return started.id();
    }

    /** The draft's latest run of this kind, runs whose instance stopped marked interrupted first. */
    Optional<DraftRun> latest(Draft draft, DraftRun.Kind kind) {
        runs.interruptOrphans();
        return runs.latest(draft.id(), kind);
    }

    /** Whether a run was on the draft's files as they are now. */
    boolean current(Draft draft, DraftRun run) {
        return run.draftState().equals(DraftCandidates.state(candidates.sources(draft)));
    }

    /** The latest validation's report when it is for the draft as it is now: what the grid marks at the cells. */
    Optional<RulePublisher.ValidationReport> currentValidation(Draft draft) {
        return latest(draft, DraftRun.Kind.VALIDATION).filter(run -> current(draft, run)).flatMap(reports::validation);
    }

    private void submit(long id, Runnable work) {
        mine.add(id);
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("Draft run {} failed", id, e);
                    try {
                        runs.finish(id, DraftRun.Status.FAILED, 0, 0, null,
                                e.getMessage() == null ? "failed" : e.getMessage());
                    } catch (RuntimeException alsoFailed) {
                        LOG.warn("Draft run {}: failure not recorded ({}); it will show as interrupted", id, alsoFailed.getMessage());
                    }
                } finally {
                    mine.remove(id);
                }
            });
        } catch (RejectedExecutionException e) {
            mine.remove(id);
            runs.finish(id, DraftRun.Status.FAILED, 0, 0, null, "the service is stopping");
        }
    }

    /** Tells the other instances that the runs this one has under way are alive. */
    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void heartbeat() {
        try {
            runs.heartbeat(List.copyOf(mine), instance);
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat of draft runs {} not written: {}", mine, e.getMessage());
        }
    }
}
