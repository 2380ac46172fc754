package com.clientvalue.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The verification hashes a record from its stored bytes; the service and the standalone verifier from its text. */
class LedgerRecordTest {
    private static LedgerRecord record(String document) {
        return new LedgerRecord("01a23c1c-16d9-76f4-be89-7da6b4d580db", "Città-7", LocalDate.of(2011, 12, 10), "v1",
                Instant.parse("2026-12-03T13:33:23.545661Z"), "CLIENT", false, 42L, "KEY", "ACTIVE", null, "KEY",
                "3aa661efcdc362a73c95f8ce6f5cdf661e4372983bbb4c48771061608c6cfc5b", document);
    }

    @Test
    void theHashOfTheStoredBytesIsTheHashOfTheText() {
        String document = "{\"clientId\":\"Città-7\",\"reasons\":[\"Più di 1.000 € — «chiave»\",\"\\u0000\"],\"emoji\":\"🙂\"}";
        LedgerRecord withText = record(document);
        byte[] stored = DocumentCodec.decompressBytes(DocumentCodec.compress(document));
        assertEquals(withText.recordHash(), record(null).recordHash(stored));
        assertEquals(LedgerHash.sha256(withText.canonical()), withText.recordHash());
        // one byte of the document changed: another hash
        stored[stored.length - 2] = (byte) '!';
        assertNotEquals(withText.recordHash(), record(null).recordHash(stored));
        assertEquals(document, DocumentCodec.decompress(DocumentCodec.compress(document)));
        assertEquals(document.getBytes(StandardCharsets.UTF_8).length, DocumentCodec.decompressBytes(DocumentCodec.compress(document)).length);
    }
}
