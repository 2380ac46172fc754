package com.clientvalue.decision;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import com.clientvalue.audit.AuditEntry;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit of decisions. Concurrent callers' decisions are written together: one transaction,
 * one lock of the audit chain's head and one commit (one log flush) for all the decisions waiting,
 * and every caller returns only after that commit, so a decision is still durable before it is
 * answered. The first caller to find no write under way writes what is waiting, its own decisions
 * included, while later callers queue up for the next write. A failed write fails every caller
 * whose decisions were in it, and none of their decisions is stored.
 */
@Singleton
class GroupCommit {
    /** At most this many decisions go into one transaction (a resegmentation chunk is 500). */
    static final int MAX_DECISIONS = 1_000;

    private final DecisionRecorder recorder;
    private final ApplicationEventPublisher<DecisionsRecorded> events;
    private final DistributionSummary groupSizes;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean writing;

    GroupCommit(DecisionRecorder recorder, ApplicationEventPublisher<DecisionsRecorded> events, MeterRegistry meters) {
        this.recorder = recorder;
        this.events = events;
        this.groupSizes = DistributionSummary.builder("decisions.group.commit")
                .description("decisions written per audit transaction (count: transactions, total: decisions)")
                .register(meters);
    }

    /** One caller's decisions, written in the same transaction as the others' waiting with them. */
    static final class Pending {
        final List<Decision> decisions;
        final List<AuditEntry> entries;
        boolean done;
        Throwable failure;

        Pending(List<Decision> decisions, List<AuditEntry> entries) {
            this.decisions = decisions;
            this.entries = entries;
        }
    }

    /** Returns once these decisions are committed; throws what the write threw if it failed. */
    void record(List<Decision> decisions, @Nullable Long jobId) {
        Pending mine = new Pending(decisions, recorder.entries(decisions, jobId));
        boolean interrupted = false;
        synchronized (this) {
            waiting.add(mine);
        }
        while (true) {
            List<Pending> batch;
            synchronized (this) {
                while (writing && !mine.done) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the decisions may be in a write under way: wait for its end
                    }
                }
                if (mine.done) {
                    break;
                }
                writing = true;
                batch = take();
            }
            Throwable failure = null;
            try {
                recorder.record(batch);
                groupSizes.record(batch.stream().mapToInt(p -> p.decisions.size()).sum());
            } catch (Throwable e) {
                failure = e;
            }
            if (failure == null) {
                announce(batch);
            }
            synchronized (this) {
                for (Pending pending : batch) {
                    pending.done = true;
                    pending.failure = failure;
                }
                writing = false;
                notifyAll();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure instanceof RuntimeException e) {
            throw e;
        }
        if (mine.failure instanceof Error e) {
            throw e;
        }
        if (mine.failure != null) {
            throw new IllegalStateException(mine.failure);
        }
    }

    // only committed decisions are announced (shadow comparisons exist only for stored decisions); a listener's
    // failure is not the decisions' failure: they are stored and will be answered
    private void announce(List<Pending> batch) {
        for (Pending pending : batch) {
            try {
                events.publishEvent(new DecisionsRecorded(pending.decisions));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(GroupCommit.class).warn("A listener of recorded decisions failed: {}", e.getMessage());
            }
        }
    }

    /** Callers waiting for the next write. */
    synchronized int waiting() {
        return waiting.size();
    }

    // the oldest waiting first, up to MAX_DECISIONS (always at least one caller's)
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        int decisions = 0;
        while (!waiting.isEmpty() && (batch.isEmpty() || decisions + waiting.peek().decisions.size() <= MAX_DECISIONS)) {
            Pending next = waiting.poll();
            decisions += next.decisions.size();
            batch.add(next);
        }
        return batch;
    }
}
