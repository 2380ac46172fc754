-- The codes of the actions the client's latest decision proposed, space-separated in the order answered:
-- what the due list of scheduled contacts reads. Rows written before stay NULL and are read from their
-- decision's document (portfolio.ContactSchedule): rewriting every row here would hold the start.
ALTER TABLE latest_decision ADD COLUMN action_codes VARCHAR(4000) NULL;

-- When each client last had each action done: the due list's "last done"
ALTER TABLE action_record ADD INDEX action_record_by_client (client_id, action_code, done_on);
