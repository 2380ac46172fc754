-- The audit as a ledger of blocks (issue 15; src/docs/audit.md). A block holds the decisions written
-- together (one group commit, one batch chunk) under the Merkle root of their record hashes, and links to
-- the previous block of its segment. Segments are independent chains, one per writer lane of an instance
-- (claimed with a lease), so writers never queue on one head. Signed checkpoints commit to every
-- segment's head. The pre-ledger chain (chain_seq, prev_hash, record_hash on decision_audit,
-- audit_chain_head) becomes the closed LEGACY segment 0, verified as before and covered by the first
-- checkpoint.
CREATE TABLE audit_segment (
    segment_id  INT NOT NULL PRIMARY KEY,
    kind        VARCHAR(8) CHARACTER SET ascii NOT NULL,
    owner       VARCHAR(120) NULL,
    lease_until TIMESTAMP(6) NULL,
    head_seq    BIGINT NOT NULL,
    head_hash   CHAR(64) CHARACTER SET ascii NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;

INSERT INTO audit_segment (segment_id, kind, owner, lease_until, head_seq, head_hash, created_at)
SELECT 0, 'LEGACY', NULL, NULL, seq, hash, NOW(6) FROM audit_chain_head WHERE id = 1;

CREATE TABLE audit_block (
    segment_id  INT NOT NULL,
    block_seq   BIGINT NOT NULL,
    prev_hash   CHAR(64) CHARACTER SET ascii NOT NULL,
    merkle_root CHAR(64) CHARACTER SET ascii NOT NULL,
    decisions   INT NOT NULL,
    written_at  TIMESTAMP(6) NOT NULL,
    block_hash  CHAR(64) CHARACTER SET ascii NOT NULL,
    -- set when retention archived the block's decisions: the header stays, so the chain still verifies
    archive_id  BIGINT NULL,
    PRIMARY KEY (segment_id, block_seq),
    INDEX audit_block_by_time (written_at)
) ENGINE = InnoDB;

-- the exact bytes each decision was answered with, zstd-compressed, apart from the small index row
CREATE TABLE decision_document (
    decision_id CHAR(36) NOT NULL PRIMARY KEY,
    body        MEDIUMBLOB NOT NULL
) ENGINE = InnoDB;

ALTER TABLE decision_audit MODIFY decision JSON NULL,
    ADD COLUMN segment_id INT NULL,
    ADD COLUMN block_seq BIGINT NULL,
    ADD COLUMN leaf_index INT NULL,
    ADD INDEX decision_audit_by_block (segment_id, block_seq, leaf_index);

CREATE TABLE audit_checkpoint (
    checkpoint_id   BIGINT NOT NULL PRIMARY KEY,
    created_at      TIMESTAMP(6) NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    previous_hash   CHAR(64) CHARACTER SET ascii NOT NULL,
    heads           TEXT CHARACTER SET ascii NOT NULL,
    segments_root   CHAR(64) CHARACTER SET ascii NOT NULL,
    checkpoint_hash CHAR(64) CHARACTER SET ascii NOT NULL,
    key_id          CHAR(64) CHARACTER SET ascii NOT NULL,
    signature       VARCHAR(200) CHARACTER SET ascii NOT NULL
) ENGINE = InnoDB;

-- where each checkpoint's heads are, to find the checkpoint that covers a block (a lookup only: the
-- signed heads are those of audit_checkpoint.heads)
CREATE TABLE audit_checkpoint_segment (
    segment_id    INT NOT NULL,
    checkpoint_id BIGINT NOT NULL,
    from_seq      BIGINT NOT NULL,
    head_seq      BIGINT NOT NULL,
    PRIMARY KEY (segment_id, checkpoint_id),
    INDEX audit_checkpoint_segment_by_head (segment_id, head_seq)
) ENGINE = InnoDB;

-- retention archives whole ledger blocks too (their headers stay, marked with the archive)
ALTER TABLE audit_archive ADD COLUMN ledger_blocks BIGINT NOT NULL DEFAULT 0;
