package com.clientvalue.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A decision table as the analyst laid it out: its columns (kind, fact, code, title) and its rule
 * rows, numbered as the spreadsheet numbers them. What cell checks and boundary generation read,
 * instead of the DRL Drools generates from it.
 *
 * @param imports the classes and packages of the sheet's Import row
 * @param codeRow the spreadsheet row of the columns' code (the row under the facts)
 */
public record DecisionTable(String file, String name, List<String> imports, int codeRow, List<Column> columns,
                            List<Row> rows) {

    /**
     * One column. {@code objectType} is the fact the column reads, as written in the object row
     * (binding and the joining "..." removed); {@code code} is its code row, e.g. {@code potential >= $param}.
     */
    public record Column(int index, String kind, String objectType, String code, String title) {

        /** As problems name a column: its letter and its title, e.g. {@code C (Potential at least)}. */
        public String label() {
            String letter = SpreadsheetGrid.columnLetter(index);
            return title.isEmpty() ? letter : letter + " (" + title + ")";
        }

        public boolean isCondition() {
            return kind.equals("CONDITION");
        }
    }

    /** One rule row: its spreadsheet row number, its rule id and its cells. */
    public record Row(int number, String ruleId, List<String> cells) {
        public String cell(Column column) {
            return column.index() < cells.size() && cells.get(column.index()) != null ? cells.get(column.index()).trim() : "";
        }
    }

    /** The tables of every table file among these sources (files that cannot be read give none). */
    public static List<DecisionTable> of(List<RuleSource> sources) {
        List<DecisionTable> tables = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.kind() == RuleSource.Kind.CSV_TABLE || source.kind() == RuleSource.Kind.XLSX_TABLE) {
                try {
                    SpreadsheetGrid grid = SpreadsheetGrid.read(source);
                    tables.addAll(of(source.path(), grid, DecisionTableCheck.check(source.path(), grid).tables()));
                } catch (IOException | RuntimeException e) {
                    // reported by the compiler, which reads the same file
                }
            }
        }
        return tables;
    }

    static List<DecisionTable> of(String file, SpreadsheetGrid grid, List<DecisionTableCheck.TableArea> areas) {
        List<String> imports = imports(grid);
        List<DecisionTable> tables = new ArrayList<>();
        for (DecisionTableCheck.TableArea area : areas) {
            int keywords = area.firstRow(); // 0-based index of the row after "RuleTable ..."
            List<Column> columns = new ArrayList<>();
            int idColumn = -1;
            for (int c = 0; c < grid.width(keywords); c++) {
                String kind = grid.cell(keywords, c).toUpperCase(Locale.ROOT);
                if (kind.isEmpty()) {
                    continue;
                }
                String code = grid.cell(keywords + 2, c);
                if (kind.equals("METADATA") && code.replace(" ", "").equals(DecisionTableCheck.RULE_ID_SNIPPET)) {
                    idColumn = c;
                }
                columns.add(new Column(c, kind, objectType(grid.cell(keywords + 1, c)), code, grid.cell(keywords + 3, c)));
            }
            List<Row> rows = new ArrayList<>();
            for (int r = keywords + 4; r < area.lastRow(); r++) {
                rows.add(new Row(r + 1, idColumn < 0 ? "" : grid.cell(r, idColumn), List.copyOf(grid.rows().get(r))));
            }
            tables.add(new DecisionTable(file, area.name(), imports, keywords + 3, List.copyOf(columns), List.copyOf(rows)));
        }
        return tables;
    }

    /** {@code c: ClientFacts...} is the fact ClientFacts. */
    private static String objectType(String cell) {
        String type = cell.trim();
        if (type.endsWith("...")) {
            type = type.substring(0, type.length() - 3).trim();
        }
        int colon = type.indexOf(':');
        return colon >= 0 ? type.substring(colon + 1).trim() : type;
    }

    private static List<String> imports(SpreadsheetGrid grid) {
        List<String> imports = new ArrayList<>();
        for (int r = 0; r < grid.rows().size(); r++) {
            for (int c = 0; c + 1 < grid.width(r); c++) {
                if (grid.cell(r, c).equalsIgnoreCase("Import")) {
                    for (String name : grid.cell(r, c + 1).split(",")) {
                        if (!name.isBlank()) {
                            imports.add(name.trim());
                        }
                    }
                }
            }
        }
        return imports;
    }
}
