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

import java.time.Duration;
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
 * audited in one transaction. A job's chunks are shared by every instance on the database: each
 * claims the next free chunk (see {@link ResegmentationStore#claimChunk}), decides it and audits it
 * in a transaction that also marks it done, and only while it still holds it; so N instances share a
 * job, a chunk whose instance died is taken over once its lease ran out, and no client is decided
 * twice. While one chunk is written, the next is claimed, loaded and evaluated.
 */
@Singleton
class Resegmentation {
    static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Resegmentation.class);

    private final ResegmentationStore store;
    private final ClientDecider decider;
    private final AdminLog log;
    private final Duration lease;
    private final String owner;
    private final Map<Long, LocalDate> dates = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean working = new java.util.concurrent.atomic.AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "resegmentation"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "resegmentation-writer"));

    @jakarta.inject.Inject
    Resegmentation(ResegmentationStore store, ClientDecider decider, AdminLog log,
                   @io.micronaut.context.annotation.Value("${resegmentation.chunk-lease:30s}") Duration lease) {
        this(store, decider, log, lease, "instance-" + UUID.randomUUID());
    }

    /** An instance of its own name: tests make a second one to share a job with. */
    Resegmentation(ResegmentationStore store, ClientDecider decider, AdminLog log, Duration lease, String owner) {
        this.store = store;
        this.decider = decider;
        this.log = log;
        this.lease = lease;
        this.owner = owner;
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
        wake();
        return view(id);
    }

    java.util.List<ResegmentationStore.JobView> newest(int limit) {
        return store.newest(limit);
    }

    java.util.List<ResegmentationStore.Change> changes(long id) {
        return store.changes(id);
    }

    java.util.List<ResegmentationStore.Worker> workers(long id) {
        return store.workers(id);
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
        store.chunkUnchunkedJobs();
        wake();
    }

    /**
     * Looks for chunks to decide every 2 s: those of jobs started on other instances, and those whose
     * instance stopped (their lease ran out).
     */
    @Scheduled(fixedDelay = "${resegmentation.poll-interval:2s}", initialDelay = "${resegmentation.poll-interval:2s}")
    void lookForWork() {
        wake();
    }

    private void wake() {
        if (working.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    try {
                        drain();
                    } finally {
                        working.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                working.set(false);
            }
        }
    }

    /** Decides chunks until none is free; each chunk is written while the next is prepared. */
    void drain() {
        CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        try {
            while (true) {
                java.util.Optional<ResegmentationStore.Chunk> next = store.claimChunk(owner, lease);
                if (next.isEmpty()) {
                    break;
                }
                ResegmentationStore.Chunk chunk = next.get();
                ClientDecider.Prepared prepared;
                try {
                    prepared = prepare(chunk);
                } catch (RuntimeException e) {
                    writing.join();
                    if (notTheJobs(e)) {
                        throw e; // the database: the chunk's lease runs out, and the next poll tries again
                    }
                    fail(chunk.jobId(), e);
                    continue;
                }
                writing.join(); // the chunk before is committed first
                writing = CompletableFuture.runAsync(() -> write(chunk, prepared), writer);
            }
        } catch (RuntimeException e) {
            LOG.warn("Resegmentation: no chunk claimed, trying again at the next poll: {}", e.getMessage());
        } finally {
            writing.join();
        }
    }

    /** Claims one chunk and decides it, the write included; false when no chunk was free. */
    boolean decideOneChunk() {
        java.util.Optional<ResegmentationStore.Chunk> next = store.claimChunk(owner, lease);
        next.ifPresent(chunk -> {
            try {
                write(chunk, prepare(chunk));
            } catch (RuntimeException e) {
                fail(chunk.jobId(), e);
            }
        });
        return next.isPresent();
    }

    private ClientDecider.Prepared prepare(ResegmentationStore.Chunk chunk) {
        List<String> clients = store.clients(chunk);
        LocalDate asOf = dates.computeIfAbsent(chunk.jobId(), store::asOf);
        // evaluated and sealed while the chunk before is written (the write was the longer half:
        // 65 ms of a chunk's 92, sealing included, against 27 ms for the facts and the rules)
        return clients.isEmpty() ? null : decider.prepareSealed(clients, asOf, chunk.jobId());
    }

    /** Audits the chunk's decisions and marks it done, in one transaction, if this instance still holds it. */
    private void write(ResegmentationStore.Chunk chunk, ClientDecider.Prepared prepared) {
        try {
            if (prepared == null) {
                store.completeEmpty(chunk, owner);
            } else {
                int decided = prepared.decisions().size();
                decider.record(prepared, () -> store.completeChunk(chunk, owner, decided));
            }
            finishIfComplete(chunk.jobId());
        } catch (ResegmentationStore.ChunkTakenOver e) {
            LOG.info("Resegmentation: {} (its lease ran out); this instance's decisions of it were not kept", e.getMessage());
        } catch (RuntimeException e) {
            if (!notTheJobs(e)) {
                fail(chunk.jobId(), e);
                return;
            }
            // the database, not the job: the chunk goes back to be claimed again (or its lease runs out)
            LOG.warn("Resegmentation: chunk {} of job {} not written, it will be decided again: {}", chunk.chunkNo(), chunk.jobId(),
                    e.getMessage());
            try {
                store.release(chunk, owner);
            } catch (RuntimeException stillDown) {
                LOG.debug("Chunk {} of job {} not released, its lease will run out: {}", chunk.chunkNo(), chunk.jobId(), stillDown.getMessage());
            }
        }
    }

    /** A lost connection or a lost write conflict: nothing was kept, and another try will do. */
    private static boolean notTheJobs(Throwable e) {
        return com.clientvalue.common.DatabaseUnavailableHandler.unreachable(e) || com.clientvalue.common.TransientConflict.is(e);
    }

    /** The job ends with its last chunk; whoever ends it logs it, in the same transaction. */
    @io.micronaut.transaction.annotation.Transactional
    void finishIfComplete(long id) {
        if (store.finishIfComplete(id)) {
            ResegmentationStore.JobView done = view(id);
            log.record(owner, "RESEGMENTATION_DONE", "job " + id, done.done() + " of " + done.total() + " clients decided as of "
                    + done.asOf());
        }
    }

    private void fail(long id, RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        LOG.error("Resegmentation job {} failed", id, cause);
        try {
            store.finish(id, "FAILED", cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            log.record(owner, "RESEGMENTATION_FAILED", "job " + id, "stopped after " + view(id).done()
                    + " clients decided as of " + view(id).asOf() + "; the job's error is at GET /api/portfolio/resegmentations/" + id);
        } catch (RuntimeException unlogged) {
            LOG.warn("Resegmentation job {}: failure not recorded: {}", id, unlogged.getMessage());
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
        writer.shutdownNow();
    }
}
