-- Actions proposed by decisions and reported as done by the CRM, with how they went.
CREATE TABLE action_record (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    decision_id CHAR(36) NOT NULL,
    client_id   VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    cluster     VARCHAR(16) NULL,
    lifecycle   VARCHAR(16) NULL,
    action_code VARCHAR(64) NOT NULL,
    done_on     DATE NOT NULL,
    outcome     VARCHAR(500) NULL,
    recorded_at TIMESTAMP(6) NOT NULL,
    UNIQUE KEY action_record_once (decision_id, action_code),
    INDEX action_record_by_code (action_code, done_on),
    CONSTRAINT action_record_decision FOREIGN KEY (decision_id) REFERENCES decision_audit (decision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
