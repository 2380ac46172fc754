-- Why a lost client left us, when known (imported or set through the API).
ALTER TABLE client ADD COLUMN loss_reason VARCHAR(200) NULL AFTER potential;

-- Satisfaction surveys: one per client and date (re-importing replaces it). Scores 1-5.
CREATE TABLE survey (
    client_id   VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    survey_date DATE NOT NULL,
    expectation TINYINT NOT NULL,
    experience  TINYINT NOT NULL,
    comment     VARCHAR(1000) NULL,
    PRIMARY KEY (client_id, survey_date),
    CONSTRAINT survey_client FOREIGN KEY (client_id) REFERENCES client (client_id),
    CONSTRAINT survey_scores CHECK (expectation BETWEEN 1 AND 5 AND experience BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Complaints: one per client, date and category (re-importing replaces its severity).
CREATE TABLE complaint (
    client_id      VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    complaint_date DATE NOT NULL,
    category       VARCHAR(64) NOT NULL,
    severity       TINYINT NULL,
    PRIMARY KEY (client_id, complaint_date, category),
    CONSTRAINT complaint_client FOREIGN KEY (client_id) REFERENCES client (client_id),
    CONSTRAINT complaint_severity CHECK (severity IS NULL OR severity BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Service requests that were granted, so that yearly limits count real grants.
CREATE TABLE service_grant (
    decision_id      CHAR(36) NOT NULL PRIMARY KEY,
    client_id        VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    service          VARCHAR(64) NOT NULL,
    as_of            DATE NOT NULL,
    paid             BOOLEAN NOT NULL,
    discount_percent DECIMAL(5, 2) NOT NULL,
    INDEX service_grant_by_client (client_id, paid, as_of),
    CONSTRAINT service_grant_decision FOREIGN KEY (decision_id) REFERENCES decision_audit (decision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE decision_audit
    ADD COLUMN lifecycle VARCHAR(16) NULL AFTER cluster,
    ADD COLUMN experience_segment VARCHAR(24) NULL AFTER lifecycle,
    ADD COLUMN kind VARCHAR(24) NOT NULL DEFAULT 'CLIENT' AFTER experience_segment;

-- The newest decision of each client: what the next decision compares itself with.
CREATE TABLE latest_decision (
    client_id          VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    decision_id        CHAR(36) NOT NULL,
    decided_at         TIMESTAMP(6) NOT NULL,
    cluster            VARCHAR(16) NULL,
    lifecycle          VARCHAR(16) NULL,
    experience_segment VARCHAR(24) NULL,
    -- cluster of the latest decision in which the client was neither INACTIVE, LOST nor PROSPECT
    last_active_cluster VARCHAR(16) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Changes of cluster, lifecycle or experience segment between a client's consecutive decisions.
CREATE TABLE decision_transition (
    id                   BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    decision_id          CHAR(36) NOT NULL,
    client_id            VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    decided_at           TIMESTAMP(6) NOT NULL,
    dimension            VARCHAR(24) NOT NULL,
    from_value           VARCHAR(24) NULL,
    to_value             VARCHAR(24) NULL,
    previous_decision_id CHAR(36) NOT NULL,
    INDEX decision_transition_since (decided_at, id),
    CONSTRAINT decision_transition_decision FOREIGN KEY (decision_id) REFERENCES decision_audit (decision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
