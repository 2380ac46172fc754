package com.clientvalue.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A block's header: what its hash is computed from ({@link LedgerHash#block}), and whether retention archived its decisions. */
@Serdeable
@Schema(description = "A block of the audit ledger: hash = SHA-256 of its header lines (src/docs/audit.md), previous = the hash of the "
        + "block before it in its segment (64 zeros for the first), merkleRoot = RFC 6962 root over its decisions' record hashes")
public record LedgerBlock(int segment, long seq, String previous, String merkleRoot, int decisions, Instant writtenAt, String hash,
                          @Nullable Long archiveId) {

    /** The hash its header gives. */
    public String computedHash() {
        return LedgerHash.block(segment, seq, previous, merkleRoot, decisions, writtenAt);
    }
}
