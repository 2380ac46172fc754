package com.clientvalue.audit;

import com.clientvalue.common.ClusterTasks;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Signs a checkpoint at every interval when the audit grew, once for the whole cluster (every
 * instance tries, the first to take the lock signs). A bean of its own so that the checkpoint is made
 * through {@link AuditCheckpoints}' transaction, run again when it loses a conflict, like one asked for.
 */
@Singleton
class CheckpointSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);
    private final AuditCheckpoints checkpoints;
    private final ClusterTasks tasks;
    private final Duration interval;

    CheckpointSchedule(AuditCheckpoints checkpoints, ClusterTasks tasks, @Value("${audit.checkpoint-interval:60s}") Duration interval) {
        this.checkpoints = checkpoints;
        this.tasks = tasks;
        this.interval = interval;
    }

    @Scheduled(fixedDelay = "${audit.checkpoint-interval:60s}", initialDelay = "${audit.checkpoint-interval:60s}")
    void atInterval() {
        try {
            tasks.runAlone("audit-checkpoint", Duration.ofMinutes(5), interval.multipliedBy(4).dividedBy(5), () -> {
                Checkpoint made = checkpoints.create("schedule", false);
                if (made != null) {
                    LOG.debug("Audit checkpoint {} signed", made.id());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("The audit checkpoint could not be made: {}", e.getMessage());
        }
    }
}
