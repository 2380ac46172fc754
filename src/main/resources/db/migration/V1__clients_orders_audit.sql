-- Client facts: what the CRM tells us about each client. client_id is the CRM's id, compared
-- byte for byte (utf8mb4_bin) so that ranking ties break the same way in SQL and in Java.
CREATE TABLE client (
    client_id  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    country    VARCHAR(100) NOT NULL,
    sector     VARCHAR(100) NULL,
    employees  INT NULL,
    potential  SMALLINT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT client_potential_range CHECK (potential IS NULL OR potential BETWEEN 0 AND 100),
    CONSTRAINT client_employees_positive CHECK (employees IS NULL OR employees >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per order: its date and total (sum of its lines). Derived facts read only this table.
CREATE TABLE customer_order (
    order_id   VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    client_id  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    order_date DATE NOT NULL,
    total      DECIMAL(18, 4) NOT NULL,
    line_count INT NOT NULL,
    CONSTRAINT customer_order_client FOREIGN KEY (client_id) REFERENCES client (client_id),
    INDEX customer_order_by_client (client_id, order_date),
    INDEX customer_order_by_date (order_date, client_id, total)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The imported lines, as received; re-importing an order replaces all of its lines.
CREATE TABLE order_line (
    order_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    line_no  INT NOT NULL,
    amount   DECIMAL(18, 4) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_order FOREIGN KEY (order_id) REFERENCES customer_order (order_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Bumped by every import in the same transaction: portfolio-level figures (ABC cut-offs) computed
-- for a revision stay valid until it changes, on every instance sharing the database.
CREATE TABLE portfolio_revision (
    id       TINYINT NOT NULL PRIMARY KEY,
    revision BIGINT NOT NULL
) ENGINE = InnoDB;
INSERT INTO portfolio_revision (id, revision) VALUES (1, 0);

-- The audit: one row per decision with everything that was answered.
CREATE TABLE decision_audit (
    decision_id  CHAR(36) NOT NULL PRIMARY KEY,
    client_id    VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    as_of        DATE NOT NULL,
    rule_version VARCHAR(64) NOT NULL,
    decided_at   TIMESTAMP(6) NOT NULL,
    cluster      VARCHAR(16) NULL,
    decision     JSON NOT NULL,
    INDEX decision_audit_newest (decided_at, decision_id),
    INDEX decision_audit_by_client (client_id, decided_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which rules fired for which decision, for "every decision where rule X fired".
CREATE TABLE decision_fired_rule (
    decision_id CHAR(36) NOT NULL,
    seq         SMALLINT NOT NULL,
    rule_id     VARCHAR(100) NOT NULL,
    PRIMARY KEY (decision_id, seq),
    INDEX decision_fired_rule_by_rule (rule_id, decision_id),
    CONSTRAINT decision_fired_rule_decision FOREIGN KEY (decision_id) REFERENCES decision_audit (decision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
