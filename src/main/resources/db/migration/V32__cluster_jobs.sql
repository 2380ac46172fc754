-- Scale-out (issue 17): N instances on one database, a Galera cluster among others.
--
-- A resegmentation job's clients in chunks that any instance claims (SELECT ... FOR UPDATE SKIP LOCKED,
-- then a lease), so that instances share a job. A chunk is the clients after after_client up to
-- last_client (NULL: all the rest, so that clients imported after the job began are decided too). A chunk
-- is marked DONE in the very transaction that audits its decisions, and only by the instance that holds
-- it: a chunk whose lease ran out and was taken over is never written twice.
CREATE TABLE resegmentation_chunk (
    job_id       BIGINT NOT NULL,
    chunk_no     INT NOT NULL,
    after_client VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    last_client  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    status       VARCHAR(16) CHARACTER SET ascii NOT NULL,
    owner        VARCHAR(100) NULL,
    lease_until  TIMESTAMP(6) NULL,
    claims       INT NOT NULL DEFAULT 0,
    decided      INT NULL,
    done_at      TIMESTAMP(6) NULL,
    PRIMARY KEY (job_id, chunk_no),
    INDEX resegmentation_chunk_open (status, job_id, chunk_no)
) ENGINE = InnoDB;

-- ShedLock's table (net.javacrumbs.shedlock, JdbcLockProvider): a scheduled task that one instance runs
-- at a time takes its row for a while (checkpoints, the nightly archive, the scheduled resegmentation)
CREATE TABLE shedlock (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB;
