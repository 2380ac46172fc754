-- Which rules fired, stored once per distinct list instead of once per decision: a portfolio's
-- decisions repeat a few hundred lists of fired rules, so a resegmentation of a million clients
-- wrote ten million decision_fired_rule rows that said the same things over and over. A decision
-- now names its list by fired_set = SHA-256 (hex) of the rule ids in firing order joined by '\n'
-- (the empty list included). The lists never change and are never deleted (the archive keeps them).
CREATE TABLE fired_rule_set (
    set_id     CHAR(64) CHARACTER SET ascii NOT NULL PRIMARY KEY,
    rule_count SMALLINT NOT NULL
) ENGINE = InnoDB;

CREATE TABLE fired_rule_set_rule (
    set_id  CHAR(64) CHARACTER SET ascii NOT NULL,
    seq     SMALLINT NOT NULL,
    rule_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (set_id, seq),
    INDEX fired_rule_set_by_rule (rule_id, set_id),
    CONSTRAINT fired_rule_set_rule_set FOREIGN KEY (set_id) REFERENCES fired_rule_set (set_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE decision_audit ADD COLUMN fired_set CHAR(64) CHARACTER SET ascii NULL AFTER experience_segment;

-- existing decisions: their lists from decision_fired_rule, one example decision per distinct list
CREATE TEMPORARY TABLE fired_list (
    decision_id CHAR(36) NOT NULL PRIMARY KEY,
    set_id      CHAR(64) CHARACTER SET ascii NOT NULL,
    rule_count  INT NOT NULL
);
INSERT INTO fired_list (decision_id, set_id, rule_count)
SELECT a.decision_id, SHA2(COALESCE(GROUP_CONCAT(r.rule_id ORDER BY r.seq SEPARATOR '\n'), ''), 256), COUNT(r.rule_id)
FROM decision_audit a LEFT JOIN decision_fired_rule r ON r.decision_id = a.decision_id
GROUP BY a.decision_id;
UPDATE decision_audit a JOIN fired_list l ON l.decision_id = a.decision_id SET a.fired_set = l.set_id;
CREATE TEMPORARY TABLE fired_example AS
SELECT set_id, MIN(decision_id) AS decision_id, MIN(rule_count) AS rule_count FROM fired_list GROUP BY set_id;
INSERT INTO fired_rule_set (set_id, rule_count) SELECT set_id, rule_count FROM fired_example;
INSERT INTO fired_rule_set_rule (set_id, seq, rule_id)
SELECT e.set_id, r.seq, r.rule_id FROM fired_example e JOIN decision_fired_rule r ON r.decision_id = e.decision_id;
DROP TEMPORARY TABLE fired_list, fired_example;

ALTER TABLE decision_audit MODIFY fired_set CHAR(64) CHARACTER SET ascii NOT NULL,
    ADD INDEX decision_audit_by_fired_set (fired_set, decided_at),
    ADD CONSTRAINT decision_audit_fired_set FOREIGN KEY (fired_set) REFERENCES fired_rule_set (set_id);
DROP TABLE decision_fired_rule;
