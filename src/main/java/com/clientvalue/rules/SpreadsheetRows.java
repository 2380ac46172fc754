package com.clientvalue.rules;

import java.io.IOException;
import java.util.List;

/**
 * The rows of a spreadsheet (.xlsx) as text, read exactly as the service reads a table kept as a
 * spreadsheet (first sheet, merged cells spread, numbers and booleans as the CSV would write them):
 * what the console takes when an analyst uploads a spreadsheet in place of a CSV table.
 */
public final class SpreadsheetRows {
    private SpreadsheetRows() {
    }

    /** The rows of the first sheet; IOException when the bytes are not a readable workbook. */
    public static List<List<String>> of(byte[] xlsx) throws IOException {
        try {
            return SpreadsheetGrid.read(new RuleSource("upload.xlsx", xlsx)).rows();
        } catch (RuntimeException unreadable) {
            throw new IOException("not a readable spreadsheet: " + unreadable.getMessage(), unreadable);
        }
    }
}
