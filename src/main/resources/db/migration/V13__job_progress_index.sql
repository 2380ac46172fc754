-- A job's progress (how many decisions, first and last decided_at) in one pass over this index,
-- without reading the audit rows themselves: polling a running job's status read every audited
-- row of the job (its decision documents included), which took 20 s at 100,000 decisions and
-- competed with the job's own writes. (job_id, client_id) still gives the resume point.
ALTER TABLE decision_audit DROP INDEX decision_audit_by_job,
    ADD INDEX decision_audit_by_job (job_id, client_id, decided_at);
