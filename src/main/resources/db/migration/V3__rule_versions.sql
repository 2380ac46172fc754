-- Every published rule set: all its files, who published it, when and why.
CREATE TABLE rule_version (
    version      CHAR(64) NOT NULL PRIMARY KEY,
    seq          BIGINT NOT NULL AUTO_INCREMENT UNIQUE,
    published_at TIMESTAMP(6) NOT NULL,
    published_by VARCHAR(100) NOT NULL,
    comment      VARCHAR(1000) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE rule_version_file (
    version CHAR(64) NOT NULL,
    path    VARCHAR(300) NOT NULL,
    sha256  CHAR(64) NOT NULL,
    content LONGBLOB NOT NULL,
    PRIMARY KEY (version, path),
    CONSTRAINT rule_version_file_version FOREIGN KEY (version) REFERENCES rule_version (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which version is active, as a history: the newest row wins. Every instance polls it.
CREATE TABLE rule_activation (
    id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version      CHAR(64) NOT NULL,
    activated_at TIMESTAMP(6) NOT NULL,
    activated_by VARCHAR(100) NOT NULL,
    reason       VARCHAR(16) NOT NULL,
    CONSTRAINT rule_activation_version FOREIGN KEY (version) REFERENCES rule_version (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
