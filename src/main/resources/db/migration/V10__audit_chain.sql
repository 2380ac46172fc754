-- Tamper-evident audit: every decision record carries the SHA-256 of its canonical content chained
-- to the previous record's hash; the head row holds the newest link and serialises the writers.
ALTER TABLE decision_audit
    ADD COLUMN chain_seq BIGINT NULL,
    ADD COLUMN prev_hash CHAR(64) NULL,
    ADD COLUMN record_hash CHAR(64) NULL,
    ADD UNIQUE INDEX decision_audit_chain (chain_seq);

CREATE TABLE audit_chain_head (
    id   TINYINT NOT NULL PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash CHAR(64) NOT NULL
) ENGINE = InnoDB;

INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, REPEAT('0', 64));
