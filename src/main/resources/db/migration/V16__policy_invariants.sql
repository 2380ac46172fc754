-- The policy invariants, kept apart from the rule versions they guard: every revision, who, when, why.
-- The newest revision is in force. Seeded from the rules folder's invariants file when empty.
CREATE TABLE policy_invariants (
    revision   BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    changed_at TIMESTAMP(6) NOT NULL,
    changed_by VARCHAR(100) NOT NULL,
    comment    VARCHAR(1000) NULL,
    content    MEDIUMTEXT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
