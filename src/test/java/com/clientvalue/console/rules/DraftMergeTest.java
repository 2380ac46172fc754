package com.clientvalue.console.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DraftMergeTest {
    private static final String PATH = "clusters/potential-level.csv";
    private static final String BASE = "Rule id,Potential at least\nPOT-HIGH,60\nPOT-MID,40\nPOT-LOW,0\n";

    @Test
    void rowsChangedOnDifferentSidesAreAllKept() {
        DraftMerge.Result result = merge(BASE.replace("POT-HIGH,60", "POT-HIGH,65"), BASE.replace("POT-LOW,0", "POT-LOW,5"),
                DraftMerge.Keep.NONE);
        assertEquals(List.of(), result.conflicts());
        assertEquals("Rule id,Potential at least\nPOT-HIGH,65\nPOT-MID,40\nPOT-LOW,5\n", text(result));
    }

    @Test
    void neighbouringRowsChangedOnEachSideMergeAndRowsAddedOnOneSideStayInPlace() {
        String mine = BASE.replace("POT-HIGH,60", "POT-HIGH,65").replace("POT-LOW,0\n", "POT-LOW,0\nPOT-NEW,1\n");
        String theirs = BASE.replace("POT-MID,40", "POT-MID,45");
        DraftMerge.Result result = merge(mine, theirs, DraftMerge.Keep.NONE);
        assertEquals(List.of(), result.conflicts());
        assertEquals("Rule id,Potential at least\nPOT-HIGH,65\nPOT-MID,45\nPOT-LOW,0\nPOT-NEW,1\n", text(result));
    }

    @Test
    void aRowAddedBeforeARowTheOtherSideChangedIsNoConflict() {
        String mine = BASE.replace("POT-MID,40\n", "POT-ADDED,50\nPOT-MID,40\n");
        String theirs = BASE.replace("POT-MID,40", "POT-MID,45");
        DraftMerge.Result result = merge(mine, theirs, DraftMerge.Keep.NONE);
        assertEquals(List.of(), result.conflicts());
        assertEquals("Rule id,Potential at least\nPOT-HIGH,60\nPOT-ADDED,50\nPOT-MID,45\nPOT-LOW,0\n", text(result));
    }

    @Test
    void theSameChangeOnBothSidesIsTakenOnce() {
        String both = BASE.replace("POT-MID,40", "POT-MID,45");
        DraftMerge.Result result = merge(both.replace("POT-LOW,0", "POT-LOW,1"), both, DraftMerge.Keep.NONE);
        assertEquals(List.of(), result.conflicts());
        assertEquals("Rule id,Potential at least\nPOT-HIGH,60\nPOT-MID,45\nPOT-LOW,1\n", text(result));
    }

    @Test
    void oneRowChangedDifferentlyOnBothSidesIsAConflictNamingItsLinesAndEachSidesRows() {
        String mine = BASE.replace("POT-MID,40", "POT-MID,45").replace("POT-HIGH,60", "POT-HIGH,61");
        String theirs = BASE.replace("POT-MID,40", "POT-MID,50");
        DraftMerge.Result refused = merge(mine, theirs, DraftMerge.Keep.NONE);
        assertEquals(1, refused.conflicts().size());
        DraftMerge.Conflict conflict = refused.conflicts().get(0);
        assertEquals(PATH, conflict.path());
        assertEquals(3, conflict.fromLine());
        assertEquals(3, conflict.toLine());
        assertEquals(List.of("POT-MID,40\n"), conflict.base());
        assertEquals(List.of("POT-MID,45\n"), conflict.mine());
        assertEquals(List.of("POT-MID,50\n"), conflict.theirs());

        assertEquals("Rule id,Potential at least\nPOT-HIGH,61\nPOT-MID,45\nPOT-LOW,0\n", text(merge(mine, theirs, DraftMerge.Keep.MINE)));
        assertEquals("Rule id,Potential at least\nPOT-HIGH,61\nPOT-MID,50\nPOT-LOW,0\n", text(merge(mine, theirs, DraftMerge.Keep.THEIRS)),
                "only the conflict takes the active version's rows: the draft's other change stays");
    }

    @Test
    void rowsAddedAtTheSamePlaceOnBothSidesAreAConflictBeforeThatLine() {
        String mine = BASE + "POT-A,1\n";
        String theirs = BASE + "POT-B,2\n";
        DraftMerge.Result result = merge(mine, theirs, DraftMerge.Keep.NONE);
        assertEquals(1, result.conflicts().size());
        DraftMerge.Conflict conflict = result.conflicts().get(0);
        assertEquals(5, conflict.fromLine());
        assertTrue(conflict.toLine() < conflict.fromLine());
        assertEquals(List.of("POT-A,1\n"), conflict.mine());
        assertEquals(List.of("POT-B,2\n"), conflict.theirs());
    }

    @Test
    void untouchedLinesKeepTheirBytesLineEndsIncluded() {
        String base = "a,1\r\nb,2\r\nc,3";
        DraftMerge.Result result = DraftMerge.merge(PATH, bytes(base), bytes("a,9\r\nb,2\r\nc,3"), bytes("a,1\r\nb,2\r\nc,4"),
                DraftMerge.Keep.NONE);
        assertEquals("a,9\r\nb,2\r\nc,4", text(result));
    }

    @Test
    void aFileTheActiveVersionRemovedWhileTheDraftChangedItIsAConflictOfTheWholeFile() {
        DraftMerge.Result refused = DraftMerge.merge(PATH, bytes(BASE), bytes(BASE + "POT-A,1\n"), null, DraftMerge.Keep.NONE);
        assertEquals(1, refused.conflicts().size());
        assertEquals(List.of(), refused.conflicts().get(0).theirs());
        assertNull(DraftMerge.merge(PATH, bytes(BASE), bytes(BASE + "POT-A,1\n"), null, DraftMerge.Keep.THEIRS).content(),
                "taking the active version's side removes the file");
        assertEquals(BASE + "POT-A,1\n", text(DraftMerge.merge(PATH, bytes(BASE), bytes(BASE + "POT-A,1\n"), null, DraftMerge.Keep.MINE)));
    }

    @Test
    void aSpreadsheetChangedOnBothSidesIsOneConflictAndOneChangedOnOneSideIsTaken() {
        byte[] base = {1, 2, 3};
        byte[] mine = {1, 2, 4};
        byte[] theirs = {1, 2, 5};
        String xlsx = "clusters/revenue.xlsx";
        assertEquals(1, DraftMerge.merge(xlsx, base, mine, theirs, DraftMerge.Keep.NONE).conflicts().size());
        assertArrayEquals(theirs, DraftMerge.merge(xlsx, base, base, theirs, DraftMerge.Keep.NONE).content());
        assertArrayEquals(mine, DraftMerge.merge(xlsx, base, mine, base, DraftMerge.Keep.NONE).content());
        assertArrayEquals(theirs, DraftMerge.merge(xlsx, base, mine, theirs, DraftMerge.Keep.THEIRS).content());
    }

    private static DraftMerge.Result merge(String mine, String theirs, DraftMerge.Keep keep) {
        return DraftMerge.merge(PATH, bytes(BASE), bytes(mine), bytes(theirs), keep);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(DraftMerge.Result result) {
        return new String(result.content(), StandardCharsets.UTF_8);
    }
}
