-- Rule drafts of the web console: an analyst's edits of a rule version, kept apart from the
-- published versions and never live. A draft names the version it started from (its base) and
-- holds only the files the analyst changed; the other files are the base version's. Publishing a
-- draft goes through the same checks as any candidate; the draft itself is never a version.
CREATE TABLE console_draft (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner        VARCHAR(100) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    base_version CHAR(64)     NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    updated_at   TIMESTAMP(6) NOT NULL,
    INDEX console_draft_by_owner (owner, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE console_draft_file (
    draft_id BIGINT       NOT NULL,
    path     VARCHAR(300) NOT NULL,
    content  LONGBLOB     NOT NULL,
    PRIMARY KEY (draft_id, path),
    CONSTRAINT console_draft_file_draft FOREIGN KEY (draft_id) REFERENCES console_draft (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
