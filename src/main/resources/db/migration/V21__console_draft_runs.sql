-- Long work on a draft (its validation, its impact preview) runs in the background and is kept here,
-- so that its progress and its result outlive the page, the session and the instance that ran it.
-- draft_state is the SHA-256 of the draft's files as a candidate when the run started: a result
-- whose state differs from the draft's is for an older state of the draft.
-- running_key is set only while the run is RUNNING (draft, kind, state and date of the work): the
-- unique index lets one run at a time do the same work, whichever instance is asked to start it.
-- An instance beats heartbeat_at every few seconds while it runs one; a RUNNING row whose heartbeat
-- stopped belongs to an instance that died and is marked INTERRUPTED.
CREATE TABLE console_draft_run (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    draft_id     BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    draft_state  CHAR(64)     NOT NULL,
    as_of        DATE         NULL,
    status       VARCHAR(16)  NOT NULL,
    running_key  VARCHAR(200) NULL,
    started_by   VARCHAR(100) NOT NULL,
    started_at   TIMESTAMP(6) NOT NULL,
    instance     VARCHAR(60)  NOT NULL,
    heartbeat_at TIMESTAMP(6) NOT NULL,
    finished_at  TIMESTAMP(6) NULL,
    steps        VARCHAR(300) NOT NULL,
    steps_done   INT          NOT NULL DEFAULT 0,
    done         BIGINT       NOT NULL DEFAULT 0,
    total        BIGINT       NOT NULL DEFAULT 0,
    report       LONGTEXT     NULL CHECK (report IS NULL OR json_valid(report)),
    error        VARCHAR(1000) NULL,
    UNIQUE INDEX console_draft_run_running (running_key),
    INDEX console_draft_run_latest (draft_id, kind, id),
    INDEX console_draft_run_heartbeat (status, heartbeat_at),
    CONSTRAINT console_draft_run_draft FOREIGN KEY (draft_id) REFERENCES console_draft (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
