-- Console sessions: a person signs in once with their token and gets a random session id in an
-- HttpOnly cookie. Only the id's SHA-256 is stored; the session points at the token it was opened
-- with, so revoking the token ends the session. Every instance reads the same table (no sticky
-- sessions). The CSRF token of a session lives here too (synchronizer-token pattern).
CREATE TABLE console_session (
    session_hash CHAR(64)     NOT NULL PRIMARY KEY,
    token_id     BIGINT       NOT NULL,
    csrf_token   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    last_seen_at TIMESTAMP(6) NOT NULL,
    expires_at   TIMESTAMP(6) NOT NULL,
    ended_at     TIMESTAMP(6) NULL,
    INDEX console_session_by_expiry (expires_at),
    CONSTRAINT console_session_token FOREIGN KEY (token_id) REFERENCES api_token (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
