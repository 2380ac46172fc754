package com.clientvalue.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file as DRL, with the way back from a DRL line to what the analyst wrote: a decision
 * table's name and row, or the DRL file's own line.
 */
record TranslatedSource(RuleSource source, String drl, SpreadsheetGrid grid, List<DecisionTableCheck.TableArea> tables,
                        TreeMap<Integer, Integer> ruleStartLineToRow, Map<String, Integer> ruleNameToRow) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern TABLE_ROW = Pattern.compile("//\\s*rule values at [A-Z]+(\\d+)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    static TranslatedSource ofDrl(RuleSource source) {
        return of(source, source.text(), null, List.of(), false);
    }

    static TranslatedSource ofTable(RuleSource source, String generatedDrl, SpreadsheetGrid grid,
                                    List<DecisionTableCheck.TableArea> tables) {
        return of(source, generatedDrl, grid, tables, true);
    }

    private static TranslatedSource of(RuleSource source, String drl, SpreadsheetGrid grid,
                                       List<DecisionTableCheck.TableArea> tables, boolean generated) {
        TreeMap<Integer, Integer> startToRow = new TreeMap<>();
        Map<String, Integer> nameToRow = new java.util.HashMap<>();
        String[] lines = drl.split("\r?\n", -1);
        Integer pendingRow = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher tableRow = TABLE_ROW.matcher(lines[i]);
            if (generated && tableRow.find()) {
                pendingRow = Integer.parseInt(tableRow.group(1));
                continue;
            }
            Matcher rule = RULE.matcher(lines[i]);
            if (rule.find()) {
                String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
                int row = generated && pendingRow != null ? pendingRow : i + 1;
                startToRow.put(i + 1, row);
                nameToRow.put(name, row);
                pendingRow = null;
            }
        }
        return new TranslatedSource(source, drl, grid, tables, startToRow, nameToRow);
    }

    String packageName() {
        Matcher matcher = PACKAGE.matcher(drl);
        return matcher.find() ? matcher.group(1) : "defaultpkg";
    }

    boolean isTable() {
        return source.kind() != RuleSource.Kind.DRL;
    }

    String tableAt(int row) {
        return tables.stream().filter(t -> t.contains(row)).map(DecisionTableCheck.TableArea::name).findFirst().orElse(null);
    }

    /** Where a line of the (generated) DRL came from, as a problem located for the analyst. */
    RuleProblem locate(int drlLine, String message) {
        String explained = CompilerMessage.explain(message);
        if (!isTable()) {
            return new RuleProblem(source.path(), null, drlLine > 0 ? drlLine : null, null, explained);
        }
        Map.Entry<Integer, Integer> rule = drlLine > 0 ? ruleStartLineToRow.floorEntry(drlLine) : null;
        if (rule == null) {
            // some errors (an expression the compiler cannot analyse) come without a line: find the rule holding it
            rule = lineQuoted(message).map(ruleStartLineToRow::floorEntry).orElse(null);
        }
        if (rule == null) {
            return new RuleProblem(source.path(), null, null, null,
                    "in the RuleSet / Import / Variables area above the tables: " + explained);
        }
        int row = rule.getValue();
        DecisionTable.Column column = columnOfLine(drlLine, row);
        if (column != null && CompilerMessage.isSyntax(message)) {
            // the code row is at fault, not the cell: the same error comes from every row of the column
            DecisionTable table = tableOf(row);
            return new RuleProblem(source.path(), table.name(), table.codeRow(), column.label(),
                    "the code of this column, '" + column.code() + "', cannot be read: " + explained);
        }
        String label = column != null ? column.label() : columnNamedIn(row, message);
        return new RuleProblem(source.path(), tableAt(row), row, label, explained);
    }

    private DecisionTable tableOf(int row) {
        String name = tableAt(row);
        return DecisionTable.of(source.path(), grid, tables).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** The column whose code, filled with this row's cell, is on that line of the generated DRL. */
    private DecisionTable.Column columnOfLine(int drlLine, int row) {
        String[] lines = drl.split("\r?\n", -1);
        if (drlLine < 1 || drlLine > lines.length || tableAt(row) == null) {
            return null;
        }
        String line = lines[drlLine - 1];
        DecisionTable table = tableOf(row);
        DecisionTable.Row cells = table.rows().stream().filter(r -> r.number() == row).findFirst().orElse(null);
        if (cells == null) {
            return null;
        }
        for (DecisionTable.Column column : table.columns()) {
            String value = cells.cell(column);
            String code = column.code().replace("$param", value).trim();
            if (!value.isEmpty() && code.length() > value.length() && !column.code().isEmpty() && line.contains(code)) {
                return column;
            }
        }
        return null;
    }

    /** The DRL line holding the expression a compiler message quotes, if any. */
    private java.util.Optional<Integer> lineQuoted(String message) {
        return CompilerMessage.expression(message).flatMap(expression -> {
            String[] lines = drl.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(expression)) {
                    return java.util.Optional.of(i + 1);
                }
            }
            return java.util.Optional.empty();
        });
    }

    /** The cell of a row whose value the compiler's message quotes, e.g. a misspelled MAINTIAN. */
    private String columnNamedIn(int row, String message) {
        DecisionTableCheck.TableArea table = tables.stream().filter(t -> t.contains(row)).findFirst().orElse(null);
        if (table == null) {
            return null;
        }
        for (int c = 0; c < grid.width(row - 1); c++) {
            String value = grid.cell(row - 1, c);
            if (value.length() >= 2 && Pattern.compile("\\b" + Pattern.quote(value) + "\\b").matcher(message).find()) {
                String label = grid.cell(table.firstRow() + 3, c);
                return SpreadsheetGrid.columnLetter(c) + (label.isEmpty() ? "" : " (" + label + ")");
            }
        }
        return null;
    }
}
