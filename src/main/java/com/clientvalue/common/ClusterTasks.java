package com.clientvalue.common;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * Scheduled tasks that one instance of a cluster runs at a time, whichever comes first: every
 * instance schedules them, and each run takes a lock row in MariaDB (ShedLock's {@code shedlock}
 * table) that the others find taken. A run holds it at least {@code atLeast}, so that an instance
 * whose clock is a little late does not run the same task again just after, and at most
 * {@code atMost}, so that the lock of an instance that died is free again by then.
 */
@Singleton
public class ClusterTasks {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTasks.class);
    private final LockingTaskExecutor executor;
    private final Clock clock;

    ClusterTasks(DataSource dataSource, Clock clock) {
        // ShedLock takes connections of its own, outside any transaction of the caller
        this.executor = new DefaultLockingTaskExecutor(new JdbcLockProvider(DelegatingDataSource.unwrapDataSource(dataSource), "shedlock"));
        this.clock = clock;
    }

    /** Runs {@code task} here unless another instance holds the lock {@code name}; whether it ran here. */
    public boolean runAlone(String name, Duration atMost, Duration atLeast, Runnable task) {
        RuntimeException[] failed = new RuntimeException[1];
        boolean ran;
        try {
            ran = executor.executeWithLock(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed[0] = e;
                }
                return null;
            }, new LockConfiguration(clock.instant(), name, atMost, atLeast)).wasExecuted();
        } catch (Throwable lockNotTaken) {
            // e.g. the lock row's insert lost a Galera certification to another node's: that node runs it
            LOG.debug("Task {} not run here: its lock could not be taken ({})", name, lockNotTaken.getMessage());
            return false;
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return ran;
    }
}
