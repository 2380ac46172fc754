-- API tokens: only the SHA-256 of a token is stored; the token itself is shown once, at creation.
CREATE TABLE api_token (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    token_hash  CHAR(64) NOT NULL,
    roles       VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    revoked_at  TIMESTAMP(6) NULL,
    revoked_by  VARCHAR(100) NULL,
    UNIQUE KEY api_token_name (name),
    UNIQUE KEY api_token_hash (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who did what: publications, rollbacks, imports, token changes.
CREATE TABLE admin_event (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at TIMESTAMP(6) NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    action      VARCHAR(40) NOT NULL,
    subject     VARCHAR(200) NULL,
    detail      VARCHAR(2000) NULL,
    INDEX admin_event_by_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
