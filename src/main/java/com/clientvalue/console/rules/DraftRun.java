package com.clientvalue.console.rules;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One background run of long work on a draft (its validation or its impact preview), as MariaDB
 * keeps it: how far it got, and once finished its report as JSON.
 *
 * @param draftState the draft's state it ran on ({@link DraftCandidates#state})
 * @param asOf       the date of an impact preview; null for a validation
 * @param steps      the steps of the work in order; {@code stepsDone} of them are done
 * @param done       clients evaluated so far (impact), of {@code total}
 * @param report     the result as JSON: a validation report, an impact report, or the problems that
 *                   kept the draft from compiling (REJECTED); null until the run finishes
 */
public record DraftRun(long id, long draftId, Kind kind, String draftState, @Nullable LocalDate asOf, Status status,
                       String startedBy, Instant startedAt, @Nullable Instant finishedAt, List<String> steps, int stepsDone,
                       long done, long total, @Nullable String report) {

    /** What the run does. */
    public enum Kind { VALIDATION, IMPACT }

    /** Where the run is: REJECTED means the draft did not compile, so its impact could not be previewed. */
    public enum Status { RUNNING, DONE, REJECTED, FAILED, INTERRUPTED }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** How a step of the run stands: done, current (under way), pending, or skipped (the run ended before it). */
    public String stepState(int index) {
        if (index < stepsDone) {
            return "done";
        }
        if (!running()) {
            return "skipped";
        }
        return index == stepsDone ? "current" : "pending";
    }

    /** How long the run took (or has taken so far), in milliseconds. */
    public long millis() {
        return Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now()).toMillis();
    }
}
