package com.clientvalue.portfolio;

import com.clientvalue.client.FactsImported;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ScheduledFuture;

/**
 * Keeps the picture up to date: starts a resegmentation as of today on the configured schedule, and
 * a while after imports that changed facts ({@link ResegmentationConfig}), unless a job is running.
 * The jobs it starts are listed with the others, started by SCHEDULE or IMPORT.
 */
@Singleton
class ResegmentationSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(ResegmentationSchedule.class);
    private final ResegmentationConfig config;
    private final com.clientvalue.common.ClusterTasks tasks;
    private final Resegmentation resegmentation;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private ScheduledFuture<?> afterImport;

    ResegmentationSchedule(ResegmentationConfig config, Resegmentation resegmentation, @Named("scheduled") TaskScheduler scheduler,
                           Clock clock, com.clientvalue.common.ClusterTasks tasks) {
        this.tasks = tasks;
        this.config = config;
        this.resegmentation = resegmentation;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (config.schedule() != null && !config.schedule().isBlank()) {
            scheduler.schedule(config.schedule().trim(), () -> run("SCHEDULE"));
            LOG.info("Resegmentation scheduled: {} (cron, server time)", config.schedule().trim());
        }
    }

    /** Once an import has committed: a run after the configured delay, moved later by each import before it starts. */
    @TransactionalEventListener
    void onImport(FactsImported imported) {
        if (config.afterImport() == null || config.afterImport().isZero() || config.afterImport().isNegative()) {
            return;
        }
        synchronized (this) {
            if (afterImport != null) {
                afterImport.cancel(false);
            }
            afterImport = scheduler.schedule(config.afterImport(), () -> run("IMPORT"));
        }
    }

    private void run(String startedBy) {
        // not in the context of the import that asked for it (its connection is closed by now)
        try (io.micronaut.core.propagation.PropagatedContext.Scope ignored = io.micronaut.core.propagation.PropagatedContext.empty().propagate()) {
            // every instance has the schedule (and its own imports' delay): the first to take the cluster lock starts the job
            // (the schedule fires on every instance at once: its lock is kept a minute, so that a late clock does not start a
            // second job after a quick first one; an import's run only needs no other start at the same moment)
            tasks.runAlone("resegmentation-" + startedBy.toLowerCase(java.util.Locale.ROOT), java.time.Duration.ofMinutes(5),
                    "SCHEDULE".equals(startedBy) ? java.time.Duration.ofMinutes(1) : java.time.Duration.ZERO,
                    () -> resegmentation.startIfIdle(LocalDate.now(clock), startedBy));
        } catch (RuntimeException e) {
            LOG.warn("Resegmentation ({}) could not start: {}", startedBy, e.getMessage());
        }
    }
}
