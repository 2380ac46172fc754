package com.clientvalue.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Reads a segment's blocks with their decisions, in order, from one streamed query. The query orders
 * by block only, which MariaDB reads in the order of the block table's key; ordering by leaf as well
 * made it copy every row, documents included, into a temporary table to sort it (57 s of the 61 s a
 * verification of 1,000,000 decisions took). Each block's decisions are put in leaf order here.
 */
final class LedgerRows {
    /** Parameters: segment, last block. A block without decisions (archived) comes as one row with NULL decision columns. */
    static final String BLOCKS_WITH_DECISIONS = "SELECT b.block_seq, b.prev_hash, b.merkle_root, b.decisions, b.written_at, "
            + "b.block_hash, b.archive_id, a.decision_id, a.client_id, a.as_of, a.rule_version, a.decided_at, a.kind, a.what_if, "
            + "a.job_id, a.cluster, a.lifecycle, a.experience_segment, a.last_active_cluster, a.fired_set, a.record_hash, "
            + "a.leaf_index, d.body FROM audit_block b "
            + "LEFT JOIN decision_audit a ON a.segment_id = b.segment_id AND a.block_seq = b.block_seq "
            + "LEFT JOIN decision_document d ON d.decision_id = a.decision_id "
            + "WHERE b.segment_id = ? AND b.block_seq <= ? ORDER BY b.block_seq";

    private LedgerRows() {
    }

    static void read(ResultSet rows, int segment, BiConsumer<LedgerBlock, List<LedgerCheck.StoredDecision>> each, BooleanSupplier stop)
            throws SQLException {
        read(rows, segment, each, stop, true);
    }

    /**
     * documents false (verification): each decision's record hash is computed from its stored bytes as
     * they are read, and its record keeps no document (never decoded to text, never copied into one).
     */
    static void read(ResultSet rows, int segment, BiConsumer<LedgerBlock, List<LedgerCheck.StoredDecision>> each, BooleanSupplier stop,
                     boolean documents) throws SQLException {
        LedgerBlock block = null;
        List<LedgerCheck.StoredDecision> decisions = new ArrayList<>();
        while (rows.next()) {
            long seq = rows.getLong(1);
            if (block == null || block.seq() != seq) {
                if (block != null) {
                    each.accept(block, inLeafOrder(decisions));
                    if (stop.getAsBoolean()) {
                        return;
                    }
                    decisions = new ArrayList<>();
                }
                long archive = rows.getLong(7);
                Long archiveId = rows.wasNull() ? null : archive;
                block = new LedgerBlock(segment, seq, rows.getString(2), rows.getString(3), rows.getInt(4),
                        rows.getTimestamp(5).toInstant(), rows.getString(6), archiveId);
            }
            if (rows.getString(8) != null) {
                decisions.add(documents ? decision(rows) : hashed(rows));
            }
        }
        if (block != null) {
            each.accept(block, inLeafOrder(decisions));
        }
    }

    private static List<LedgerCheck.StoredDecision> inLeafOrder(List<LedgerCheck.StoredDecision> decisions) {
        decisions.sort(java.util.Comparator.comparingInt(LedgerCheck.StoredDecision::leafIndex));
        return decisions;
    }

    private static LedgerCheck.StoredDecision hashed(ResultSet rows) throws SQLException {
        byte[] body = rows.getBytes(23);
        LedgerRecord record = record(rows, null);
        return new LedgerCheck.StoredDecision(record, rows.getString(21), rows.getInt(22),
                body == null ? null : record.recordHash(DocumentCodec.decompressBytes(body)));
    }

    // by position in BLOCKS_WITH_DECISIONS (a lookup by name per column was 6 % of a verification)
    static LedgerCheck.StoredDecision decision(ResultSet rows) throws SQLException {
        byte[] body = rows.getBytes(23);
        return new LedgerCheck.StoredDecision(record(rows, body == null ? null : DocumentCodec.decompress(body)), rows.getString(21),
                rows.getInt(22));
    }

    // what getTimestamp(column).toInstant() gives (the local time of the JVM's zone, as written), without the
    // Calendar the driver makes for each getTimestamp: 13 % of a verification
    private static java.time.Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, java.time.LocalDateTime.class).atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    private static LedgerRecord record(ResultSet rows, String document) throws SQLException {
        long job = rows.getLong(15);
        Long jobId = rows.wasNull() ? null : job;
        return new LedgerRecord(rows.getString(8), rows.getString(9), rows.getObject(10, java.time.LocalDate.class),
                rows.getString(11), instant(rows, 12), rows.getString(13), rows.getBoolean(14), jobId,
                rows.getString(16), rows.getString(17), rows.getString(18), rows.getString(19), rows.getString(20), document);
    }
}
