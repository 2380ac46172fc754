-- Batch resegmentation: decide every client as of a date, in chunks, resumable after a restart.
CREATE TABLE resegmentation_job (
    id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    as_of        DATE NOT NULL,
    status       VARCHAR(16) NOT NULL,
    total        BIGINT NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    finished_at  TIMESTAMP(6) NULL,
    owner        VARCHAR(100) NULL,
    heartbeat_at TIMESTAMP(6) NULL,
    error        VARCHAR(1000) NULL
) ENGINE = InnoDB;

-- Decisions made by a job: its progress is what its own audited decisions say, so a chunk is
-- either audited (and done) or not at all, and a restart never decides a client twice.
ALTER TABLE decision_audit ADD COLUMN job_id BIGINT NULL AFTER kind,
    ADD INDEX decision_audit_by_job (job_id, client_id);
