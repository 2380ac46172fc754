package com.clientvalue.portfolio;

import com.clientvalue.common.Problems;
import com.clientvalue.audit.AdminLog;
import com.clientvalue.decision.ClientDecider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Decides every client as of a date through the one decision path, a chunk at a time, each chunk
 * audited in one transaction. While one chunk is written, the next is loaded and evaluated; chunks
 * are written one after the other, in client order, so the audit always holds a prefix of the job.
 * Jobs left running by a stopped instance resume where their audit ends.
 */
@Singleton
class Resegmentation {
    static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Resegmentation.class);

    private final ResegmentationStore store;
    private final ClientDecider decider;
    private final AdminLog log;
    private final String owner = "instance-" + UUID.randomUUID();
    private final java.util.Set<Long> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "resegmentation"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "resegmentation-writer"));

    Resegmentation(ResegmentationStore store, ClientDecider decider, AdminLog log) {
        this.store = store;
        this.decider = decider;
        this.log = log;
    }

    /** No such job. */
    static final class JobNotFound extends AbstractThrowableProblem {
        JobNotFound(long id) {
            super(Problems.type("job-not-found"), "Job not found", Status.NOT_FOUND, "no resegmentation job " + id, null, null,
                    Map.of("jobId", id));
        }
    }

    ResegmentationStore.JobView start(LocalDate asOf) {
        return start(asOf, "REQUEST");
    }

    ResegmentationStore.JobView start(LocalDate asOf, String startedBy) {
        long id = store.create(asOf, startedBy);
        mine.add(id);
        worker.execute(() -> run(id, asOf));
        return view(id);
    }

    java.util.List<ResegmentationStore.JobView> newest(int limit) {
        return store.newest(limit);
    }

    java.util.List<ResegmentationStore.Change> changes(long id) {
        return store.changes(id);
    }

    /** Starts a job as of today unless one is running (on any instance): the schedule's and the imports' way in. */
    synchronized java.util.Optional<ResegmentationStore.JobView> startIfIdle(LocalDate asOf, String startedBy) {
        if (!store.running().isEmpty()) {
            LOG.info("Resegmentation ({}) not started: a job is running", startedBy);
            return java.util.Optional.empty();
        }
        ResegmentationStore.JobView job = start(asOf, startedBy);
        log.record(owner, "RESEGMENTATION_STARTED", "job " + job.id(), "started by " + startedBy + ": every client decided as of "
                + job.asOf() + ": " + job.total() + " clients");
        return java.util.Optional.of(job);
    }

    ResegmentationStore.JobView view(long id) {
        return store.find(id).orElseThrow(() -> new JobNotFound(id));
    }

    @EventListener
    void resumeAfterRestart(StartupEvent event) {
        resumeOrphans();
    }

    /**
     * Jobs whose instance stopped (no heartbeat for ORPHANED_AFTER) are taken over: at start, and
     * every 10 s, so that a job left by an instance killed a moment before this one started is
     * not stranded.
     */
    @Scheduled(fixedDelay = "10s", initialDelay = "10s")
    void resumeOrphans() {
        for (long id : store.running()) {
            if (mine.contains(id)) {
                continue;
            }
            ResegmentationStore.JobView job = view(id);
            if (store.claim(id, owner)) {
                LOG.info("Resuming resegmentation job {} ({} of {} clients decided)", id, job.done(), job.total());
                log.record(owner, "RESEGMENTATION_RESUMED", "job " + id, "taken over after its instance stopped, "
                        + job.done() + " of " + job.total() + " clients decided as of " + job.asOf());
                mine.add(id);
                worker.execute(() -> run(id, job.asOf()));
            }
        }
    }

    /** Runs the job to its end, unless another live instance holds it. */
    void run(long id, LocalDate asOf) {
        mine.add(id);
        CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        try {
            String after = store.lastDecided(id);
            while (store.claim(id, owner)) {
                List<String> clients = store.clientsAfter(after, CHUNK);
                if (clients.isEmpty()) {
                    writing.join();
                    // logged before the job reads DONE, so that whoever sees it done finds it in the log
                    ResegmentationStore.JobView done = view(id);
                    log.record(owner, "RESEGMENTATION_DONE", "job " + id, done.done() + " of " + done.total()
                            + " clients decided as of " + asOf);
                    store.finish(id, "DONE", null);
                    return;
                }
                // evaluated and sealed while the chunk before is written (the write was the longer half:
                // 65 ms of a chunk's 92, sealing included, against 27 ms for the facts and the rules)
                ClientDecider.Prepared chunk = decider.prepareSealed(clients, asOf, id);
                writing.join(); // the chunk before is committed first
                writing = CompletableFuture.runAsync(() -> decider.record(chunk), writer);
                after = clients.get(clients.size() - 1);
            }
            writing.join(); // another instance holds the job now: end with what is under way
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.error("Resegmentation job {} failed", id, cause);
            try {
                writing.join();
            } catch (RuntimeException alsoFailed) {
                // the failure reported is the first one
            }
            store.finish(id, "FAILED", cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            try {
                log.record(owner, "RESEGMENTATION_FAILED", "job " + id, "stopped after " + view(id).done()
                        + " clients decided as of " + asOf + "; the job's error is at GET /api/portfolio/resegmentations/" + id);
            } catch (RuntimeException unlogged) {
                LOG.warn("Resegmentation job {}: failure not in the admin log: {}", id, unlogged.getMessage());
            }
        } finally {
            mine.remove(id);
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
        writer.shutdownNow();
    }
}
