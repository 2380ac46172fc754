-- Decisions compare themselves with the client's previous decision in business time (asOf), not in
-- the order they were made; a back-dated ("what-if") decision never feeds the transitions; yearly
-- limits count grants by when they were granted (decision time), whatever their asOf.

-- what_if: decided as of a date before the client's latest decided asOf.
-- last_active_cluster: kept per decision from now on, so that a decision can follow any earlier one in
-- business time. Rows decided before stay NULL and are read from their document (AuditTrail.latestAsOf):
-- rewriting every audit row here would hold the start for minutes on a large audit.
ALTER TABLE decision_audit
    ADD COLUMN what_if BOOLEAN NOT NULL DEFAULT FALSE AFTER kind,
    ADD COLUMN last_active_cluster VARCHAR(16) NULL AFTER experience_segment,
    ADD INDEX decision_audit_by_client_as_of (client_id, as_of, decided_at, decision_id),
    ADD INDEX decision_audit_by_as_of (as_of, decided_at);

-- latest_decision becomes the latest in business time: greatest asOf, then latest decided, then greatest id
ALTER TABLE latest_decision ADD COLUMN as_of DATE NULL AFTER decision_id;
UPDATE latest_decision l JOIN (
    SELECT client_id, decision_id, as_of, decided_at, cluster, lifecycle, experience_segment,
           ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY as_of DESC, decided_at DESC, decision_id DESC) AS n
      FROM decision_audit) a ON a.client_id = l.client_id AND a.n = 1
  JOIN decision_audit d ON d.decision_id = a.decision_id
   SET l.decision_id = a.decision_id, l.as_of = a.as_of, l.decided_at = a.decided_at, l.cluster = a.cluster,
       l.lifecycle = a.lifecycle, l.experience_segment = a.experience_segment,
       -- what that decision remembered, by the rule it was computed with (Transitions.lastActiveCluster)
       l.last_active_cluster = CASE WHEN a.lifecycle IN ('NEW', 'ACTIVE', 'LOYAL') THEN a.cluster
           ELSE NULLIF(JSON_VALUE(d.decision, '$.previousDecision.lastActiveCluster'), 'null') END;
-- a client whose decisions were all archived keeps its latest one as the earliest business date, so that
-- it stays the previous decision of the next one, as it was before
UPDATE latest_decision SET as_of = '1900-01-01' WHERE as_of IS NULL;
ALTER TABLE latest_decision MODIFY as_of DATE NOT NULL;

-- feed items say as of which date and under which rule version the change was decided
ALTER TABLE decision_transition ADD COLUMN as_of DATE NULL AFTER decided_at,
    ADD COLUMN rule_version VARCHAR(64) NULL AFTER as_of;
UPDATE decision_transition t JOIN decision_audit a ON a.decision_id = t.decision_id
   SET t.as_of = a.as_of, t.rule_version = a.rule_version;
ALTER TABLE decision_transition MODIFY as_of DATE NOT NULL, MODIFY rule_version VARCHAR(64) NOT NULL;

-- the moment of each grant: what the yearly limits count
ALTER TABLE service_grant ADD COLUMN granted_at TIMESTAMP(6) NULL AFTER as_of;
UPDATE service_grant g JOIN decision_audit a ON a.decision_id = g.decision_id SET g.granted_at = a.decided_at;
ALTER TABLE service_grant MODIFY granted_at TIMESTAMP(6) NOT NULL,
    DROP INDEX service_grant_by_client,
    ADD INDEX service_grant_by_client_time (client_id, paid, granted_at);
