package com.clientvalue.governance.invariant;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.DecisionTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text facts the tables compare in ways the numeric boundaries do not cover, and the values that reach their rows. */
final class TextFacts {
    private static final Pattern PRESENCE = Pattern.compile("^\\((\\w+) != null\\) == \\$param$");

    private TextFacts() {
    }

    /**
     * Loss reasons to try: none, one no table names, and every text a table compares the reason with
     * (cells of a column whose code quotes {@code $param} about {@code lossReason}, e.g. "contains").
     */
    static List<String> lossReasons(List<DecisionTable> tables) {
        List<String> reasons = new ArrayList<>(Arrays.asList(null, "a recorded reason"));
        for (DecisionTable table : tables) {
            for (DecisionTable.Column column : table.columns()) {
                if (column.isCondition() && column.code() != null && column.code().contains("lossReason")
                        && column.code().contains("\"$param\"")) {
                    table.rows().stream().map(row -> row.cell(column)).filter(cell -> cell != null && !cell.isBlank())
                            .distinct().forEach(reasons::add);
                }
            }
        }
        return reasons;
    }

    /** Text facts of ClientFacts (not the loss reason) that a condition only asks to be present: {@code (referredBy != null) == $param}. */
    static Set<String> presenceFields(List<DecisionTable> tables) {
        Set<String> names = new TreeSet<>();
        for (DecisionTable table : tables) {
            for (DecisionTable.Column column : table.columns()) {
                Matcher matcher = column.code() == null ? null : PRESENCE.matcher(column.code().trim());
                if (column.isCondition() && matcher != null && matcher.matches() && !matcher.group(1).equals("lossReason")
                        && TableConstants.nullable(ClientFacts.class, matcher.group(1)) && Arrays.stream(ClientFacts.class.getRecordComponents())
                        .anyMatch(c -> c.getName().equals(matcher.group(1)) && c.getType() == String.class)) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}
