package com.clientvalue.decision;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import com.clientvalue.audit.AuditSegments;
import com.clientvalue.audit.AuditTrail;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit of decisions, on several lanes at once. Each lane writes to a ledger segment of its
 * own (see audit.AuditSegments). Concurrent callers of a lane are written together: one transaction,
 * one block, one lock of the segment's head and one commit (one log flush) for all the decisions
 * waiting, and every caller returns only after that commit, so a decision is still durable before it
 * is answered. The first caller to find its lane idle writes what is waiting there, its own decisions
 * included, while later callers queue up for the lane's next write. A failed write fails every caller
 * whose decisions were in it, and none of their decisions is stored.
 */
@Singleton
class GroupCommit {
    /** At most this many decisions go into one transaction (a resegmentation chunk is 500). */
    static final int MAX_DECISIONS = 1_000;

    private final DecisionRecorder recorder;
    private final ApplicationEventPublisher<DecisionsRecorded> events;
    private final DistributionSummary groupSizes;
    private final AuditSegments segments;
    private final Lane[] lanes;
    private final AtomicInteger next = new AtomicInteger();

    /** One writer: its callers waiting, and whether a write is under way. */
    private static final class Lane {
        final int index;
        final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        boolean writing;

        Lane(int index) {
            this.index = index;
        }
    }

    GroupCommit(DecisionRecorder recorder, ApplicationEventPublisher<DecisionsRecorded> events, MeterRegistry meters,
                AuditSegments segments) {
        this.recorder = recorder;
        this.events = events;
        this.segments = segments;
        this.lanes = new Lane[segments.lanes()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
        }
        this.groupSizes = DistributionSummary.builder("decisions.group.commit")
                .description("decisions written per audit transaction (count: transactions, total: decisions)")
                .register(meters);
    }

    /** One caller's decisions, written in the same transaction as the others' waiting with them. */
    static final class Pending {
        final List<Decision> decisions;
        final List<AuditTrail.Sealed> entries;
        /** Run in the write's transaction before the decisions are written; what it throws rolls the write back. */
        @Nullable
        final Runnable condition;
        boolean done;
        Throwable failure;

        Pending(List<Decision> decisions, List<AuditTrail.Sealed> entries, @Nullable Runnable condition) {
            this.decisions = decisions;
            this.entries = entries;
            this.condition = condition;
        }
    }

    /**
     * Returns once these decisions are committed, with their audit records (the documents as stored);
     * throws what the write threw if it failed.
     */
    List<AuditTrail.Sealed> record(List<Decision> decisions, @Nullable Long jobId) {
        return recordSealed(decisions, seal(decisions, jobId));
    }

    /** The audit records of these decisions (documents serialized, hashed, compressed), ready for {@link #recordSealed}. */
    List<AuditTrail.Sealed> seal(List<Decision> decisions, @Nullable Long jobId) {
        return recorder.entries(decisions, jobId);
    }

    /** {@link #record(List, Long)} of decisions sealed before (by a batch job, while the chunk before it was written). */
    List<AuditTrail.Sealed> recordSealed(List<Decision> decisions, List<AuditTrail.Sealed> sealed) {
        return recordSealed(decisions, sealed, null);
    }

    /**
     * The same, written only if {@code condition}, run in the write's transaction, does not throw (a
     * batch job's chunk is kept only while its instance still holds the chunk). Such a write holds no
     * other caller's decisions, so that its condition fails none but its own.
     */
    List<AuditTrail.Sealed> recordSealed(List<Decision> decisions, List<AuditTrail.Sealed> sealed, @Nullable Runnable condition) {
        Pending mine = new Pending(decisions, sealed, condition);
        Lane lane = lane();
        boolean interrupted = false;
        synchronized (lane) {
            lane.waiting.add(mine);
        }
        while (true) {
            List<Pending> batch;
            synchronized (lane) {
                while (lane.writing && !mine.done) {
                    try {
                        lane.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the decisions may be in a write under way: wait for its end
                    }
                }
                if (mine.done) {
                    break;
                }
                lane.writing = true;
                batch = take(lane);
            }
            Throwable failure = write(batch, lane);
            if (failure == null) {
                announce(batch);
            }
            synchronized (lane) {
                for (Pending pending : batch) {
                    pending.done = true;
                    pending.failure = failure;
                }
                lane.writing = false;
                lane.notifyAll();
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
        return mine.entries;
    }

    /**
     * Writes the batch in one transaction; null once committed, else what it threw. A write rolled
     * back whole after losing a lock conflict with another lane or instance is written again, from
     * the segment's head as it is then, by {@link com.clientvalue.common.ConflictRetry} (the
     * recorder's transaction is one of those it retries).
     */
    @Nullable
    private Throwable write(List<Pending> batch, Lane lane) {
        try {
            recorder.record(batch, segments.segment(lane.index));
            groupSizes.record(batch.stream().mapToInt(p -> p.decisions.size()).sum());
            return null;
        } catch (Throwable e) {
            return e;
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

    // an idle lane if there is one (its write starts at once), else the next in turn: its queue is the group
    // of its next write
    private Lane lane() {
        int first = Math.floorMod(next.getAndIncrement(), lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            Lane candidate = lanes[(first + i) % lanes.length];
            synchronized (candidate) {
                if (!candidate.writing && candidate.waiting.isEmpty()) {
                    return candidate;
                }
            }
        }
        return lanes[first];
    }

    /** Callers waiting for the next write of their lane. */
    int waiting() {
        int total = 0;
        for (Lane lane : lanes) {
            synchronized (lane) {
                total += lane.waiting.size();
            }
        }
        return total;
    }

    // the oldest waiting first, up to MAX_DECISIONS (always at least one caller's); a caller with a condition alone
    private static List<Pending> take(Lane lane) {
        ArrayDeque<Pending> waiting = lane.waiting;
        List<Pending> batch = new ArrayList<>();
        if (waiting.peek().condition != null) {
            batch.add(waiting.poll());
            return batch;
        }
        int decisions = 0;
        while (!waiting.isEmpty() && waiting.peek().condition == null
                && (batch.isEmpty() || decisions + waiting.peek().decisions.size() <= MAX_DECISIONS)) {
            Pending next = waiting.poll();
            decisions += next.decisions.size();
            batch.add(next);
        }
        return batch;
    }
}
