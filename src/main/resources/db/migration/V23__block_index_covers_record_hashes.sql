-- The proof of one decision needs the record hashes of every decision of its block, in leaf order:
-- the block index carries them, so they are read from the index alone (one range of index pages)
-- instead of one row lookup per decision of the block.
ALTER TABLE decision_audit
    DROP INDEX decision_audit_by_block,
    ADD INDEX decision_audit_by_block (segment_id, block_seq, leaf_index, record_hash);
