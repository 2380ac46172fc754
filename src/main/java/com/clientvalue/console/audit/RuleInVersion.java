package com.clientvalue.console.audit;

import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleVersions;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A fired rule shown where it is written in the version that decided: the whole decision table
 * (or DRL file) with the rule's row (or lines) marked.
 *
 * @param info    the stored version; null if it is not stored (the rows cannot be shown then)
 * @param columns a table's columns, empty for a DRL file
 * @param rows    a table's rule rows, or a DRL file's lines (one cell each)
 */
public record RuleInVersion(RuleDescriptor rule, String version, @Nullable RuleVersions.VersionInfo info, boolean drl,
                            List<Column> columns, List<Row> rows) {

    /** A column of the table: its letter in the spreadsheet, its title and what it is (CONDITION, ACTION...). */
    public record Column(String letter, String title, String kind) {
    }

    /** A row of the table with its spreadsheet number (or a line of a DRL file) and whether the rule is written there. */
    public record Row(int number, List<String> cells, boolean highlighted) {
    }

    public boolean found() {
        return rows.stream().anyMatch(Row::highlighted);
    }

    public boolean active() {
        return info != null && info.active();
    }
}
