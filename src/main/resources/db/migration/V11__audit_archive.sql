-- Audit retention: records older than the retention age are exported to a file and removed. Each
-- archive run leaves a checkpoint: the last archived link, from which the kept chain verifies.
CREATE TABLE audit_archive (
    id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    archived_at  TIMESTAMP(6) NOT NULL,
    archived_by  VARCHAR(100) NOT NULL,
    before_time  TIMESTAMP(6) NOT NULL,
    from_seq     BIGINT NOT NULL,
    through_seq  BIGINT NOT NULL,
    last_hash    CHAR(64) NOT NULL,
    records      BIGINT NOT NULL,
    file         VARCHAR(500) NOT NULL,
    file_sha256  CHAR(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
