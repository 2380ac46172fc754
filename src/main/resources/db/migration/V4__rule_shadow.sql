-- A candidate rule version running in shadow beside the active one (at most one at a time).
CREATE TABLE rule_shadow (
    id         TINYINT NOT NULL PRIMARY KEY,
    version    CHAR(64) NOT NULL,
    started_at TIMESTAMP(6) NOT NULL,
    started_by VARCHAR(100) NOT NULL,
    CONSTRAINT rule_shadow_version FOREIGN KEY (version) REFERENCES rule_version (version)
) ENGINE = InnoDB;

-- Live decisions whose outcome the shadow version would have changed. Not decisions: never returned.
CREATE TABLE shadow_comparison (
    id              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    shadow_version  CHAR(64) NOT NULL,
    decision_id     CHAR(36) NOT NULL,
    client_id       VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    compared_at     TIMESTAMP(6) NOT NULL,
    differs         BOOLEAN NOT NULL,
    active_outcome  JSON NULL,
    shadow_outcome  JSON NULL,
    INDEX shadow_comparison_by_version (shadow_version, differs, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
