package com.clientvalue.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One thing wrong in the analysts' files, located as an analyst would look for it.
 *
 * @param file   path inside the rules folder
 * @param table  decision table name, when the problem is inside one
 * @param row    spreadsheet row (decision tables) or line (DRL), 1-based, when known
 * @param column spreadsheet column letter and label, when known
 */
@Serdeable
public record RuleProblem(String file, @Nullable String table, @Nullable Integer row, @Nullable String column,
                          String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (table != null) {
            where.append(", table '").append(table).append('\'');
        }
        if (row != null) {
            where.append(", row ").append(row);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        return where.append(": ").append(message).toString();
    }
}
