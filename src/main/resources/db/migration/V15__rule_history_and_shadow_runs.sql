-- Versions are append-only facts: what was active when each was published (its diff is against
-- that one) and which checks it passed. Activations are events: from which version, why, checked how.
ALTER TABLE rule_version
    ADD COLUMN published_over CHAR(64) NULL,
    ADD COLUMN checks VARCHAR(1000) NULL;

ALTER TABLE rule_activation
    ADD COLUMN from_version CHAR(64) NULL,
    ADD COLUMN comment VARCHAR(1000) NULL,
    ADD COLUMN checks VARCHAR(1000) NULL;

-- the history so far: each activation came from the one before it
UPDATE rule_activation a
SET a.from_version = (SELECT p.version FROM (SELECT id, version FROM rule_activation) p
                      WHERE p.id = (SELECT MAX(q.id) FROM (SELECT id FROM rule_activation) q WHERE q.id < a.id));

-- a shadow candidate is not a published version: its own runs, with their own files, kept after they end
CREATE TABLE shadow_run (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version     CHAR(64) NOT NULL,
    started_at  TIMESTAMP(6) NOT NULL,
    started_by  VARCHAR(100) NOT NULL,
    checks      VARCHAR(1000) NULL,
    ended_at    TIMESTAMP(6) NULL,
    ended_by    VARCHAR(100) NULL,
    end_reason  VARCHAR(200) NULL,
    INDEX shadow_run_running (ended_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE shadow_run_file (
    run_id  BIGINT NOT NULL,
    path    VARCHAR(300) NOT NULL,
    sha256  CHAR(64) NOT NULL,
    content LONGBLOB NOT NULL,
    PRIMARY KEY (run_id, path),
    CONSTRAINT shadow_run_file_run FOREIGN KEY (run_id) REFERENCES shadow_run (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE shadow_comparison ADD COLUMN run_id BIGINT NULL, ADD INDEX shadow_comparison_by_run (run_id, differs, id);

-- versions stored only as shadow candidates (never activated) become shadow runs and leave the published versions
INSERT INTO shadow_run (version, started_at, started_by, checks, ended_at, ended_by, end_reason)
SELECT v.version, COALESCE(s.started_at, v.published_at), COALESCE(s.started_by, v.published_by), 'not recorded (started before checks were required)',
       CASE WHEN s.version IS NULL THEN v.published_at END, CASE WHEN s.version IS NULL THEN 'migration' END,
       CASE WHEN s.version IS NULL THEN 'ended before the upgrade' END
FROM rule_version v LEFT JOIN rule_shadow s ON s.version = v.version
WHERE NOT EXISTS (SELECT 1 FROM rule_activation a WHERE a.version = v.version)
ORDER BY v.seq;

INSERT INTO shadow_run_file (run_id, path, sha256, content)
SELECT r.id, f.path, f.sha256, f.content FROM shadow_run r JOIN rule_version_file f ON f.version = r.version;

UPDATE shadow_comparison c SET c.run_id = (SELECT MAX(r.id) FROM shadow_run r WHERE r.version = c.shadow_version);

DROP TABLE rule_shadow;
DELETE FROM rule_version_file WHERE NOT EXISTS (SELECT 1 FROM rule_activation a WHERE a.version = rule_version_file.version);
DELETE FROM rule_version WHERE NOT EXISTS (SELECT 1 FROM rule_activation a WHERE a.version = rule_version.version);

-- what was active when each stored version was first activated: its diff is against that one
UPDATE rule_version v
SET v.published_over = (SELECT a.from_version FROM rule_activation a
                        WHERE a.id = (SELECT MIN(b.id) FROM rule_activation b WHERE b.version = v.version));
