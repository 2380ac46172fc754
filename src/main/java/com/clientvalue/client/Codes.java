package com.clientvalue.client;

import java.util.Locale;

/**
 * Texts of an import that the tables compare as codes (a company type, a product category): in
 * capitals, a run of spaces or hyphens becoming _ ("cash-and-carry" → CASH_AND_CARRY).
 */
final class Codes {
    private Codes() {
    }

    /** The column's code, null when empty; a text that makes no code rejects the line, naming the column. */
    static String of(CsvRow row, String column, int maxLength, String examples) {
        String typed = row.optional(column, maxLength);
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[ -]+", "_");
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw row.reject(column, "'" + typed + "' is not a code: letters, digits, spaces, - or _ (e.g. " + examples
                    + "), starting with a letter");
        }
        return code;
    }
}
