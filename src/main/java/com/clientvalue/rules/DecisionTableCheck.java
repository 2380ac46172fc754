package com.clientvalue.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks what Drools would silently ignore or misread in a decision table: unknown keywords,
 * misspelled column headers, a missing NAME or rule id. Returns the table areas it found, so that
 * build errors and fired rules can be traced back to a table and a row.
 */
final class DecisionTableCheck {
    static final String RULE_ID_SNIPPET = "ruleId(\"$param\")";

    private static final Set<String> SHEET_KEYWORDS = Set.of("RULESET", "IMPORT", "VARIABLES", "FUNCTIONS",
            "QUERIES", "DECLARE", "NOTES", "SEQUENTIAL", "SEQUENTIALMAXPRIORITY", "ESCAPEQUOTES",
            "NUMERICDISABLED", "UNIT", "DIALECT", "SALIENCE", "PRIORITY", "NO-LOOP", "LOCK-ON-ACTIVE",
            "AUTO-FOCUS", "ACTIVATION-GROUP", "AGENDA-GROUP", "RULEFLOW-GROUP", "DURATION", "TIMER",
            "ENABLED", "CALENDARS", "DATE-EFFECTIVE", "DATE-EXPIRES");
    private static final Set<String> COLUMN_KEYWORDS = Set.of("NAME", "DESCRIPTION", "CONDITION", "ACTION",
            "METADATA", "PRIORITY", "SALIENCE", "DURATION", "TIMER", "ENABLED", "CALENDARS", "NO-LOOP",
            "LOCK-ON-ACTIVE", "AUTO-FOCUS", "ACTIVATION-GROUP", "AGENDA-GROUP", "RULEFLOW-GROUP",
            "DATE-EFFECTIVE", "DATE-EXPIRES");

    /** A rule table inside a sheet: its name and the 1-based rows of its header and data. */
    record TableArea(String name, int firstRow, int lastRow) {
        boolean contains(int row) {
            return row >= firstRow && row <= lastRow;
        }
    }

    record Result(List<TableArea> tables, List<RuleProblem> problems) {
    }

    private final String file;
    private final SpreadsheetGrid grid;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final List<TableArea> tables = new ArrayList<>();

    private DecisionTableCheck(String file, SpreadsheetGrid grid) {
        this.file = file;
        this.grid = grid;
    }

    static Result check(String file, SpreadsheetGrid grid) {
        DecisionTableCheck check = new DecisionTableCheck(file, grid);
        check.run();
        return new Result(List.copyOf(check.tables), List.copyOf(check.problems));
    }

    private void run() {
        int r = 0;
        while (r < grid.rows().size()) {
            int tableColumn = ruleTableColumn(r);
            if (tableColumn >= 0) {
                r = checkTable(r, tableColumn);
                continue;
            }
            if (tables.isEmpty()) {
                checkSheetKeyword(r);
            }
            r++;
        }
        if (tables.isEmpty()) {
            problems.add(new RuleProblem(file, null, null, null,
                    "no 'RuleTable <name>' cell found: the file holds no decision table"));
        }
    }

    private int ruleTableColumn(int r) {
        List<String> row = r < grid.rows().size() ? grid.rows().get(r) : List.of();
        for (int c = 0; c < row.size(); c++) {
            if (grid.cell(r, c).startsWith("RuleTable")) {
                return c;
            }
        }
        return -1;
    }

    private void checkSheetKeyword(int r) {
        for (int c = 0; c < grid.width(r); c++) {
            String value = grid.cell(r, c);
            if (!value.isEmpty()) {
                if (!SHEET_KEYWORDS.contains(value.toUpperCase(Locale.ROOT))) {
                    problems.add(new RuleProblem(file, null, r + 1, SpreadsheetGrid.columnLetter(c),
                            "'" + value + "' is not a keyword Drools knows (RuleSet, Import, Notes, Variables, "
                                    + "Functions, Sequential, RuleTable...); Drools would ignore this row"));
                }
                return;
            }
        }
    }

    /** Checks one table starting at row index r; returns the index of the first row after it. */
    private int checkTable(int r, int c0) {
        String name = grid.cell(r, c0).substring("RuleTable".length()).trim();
        int header = r + 1;
        int firstData = r + 5;
        int end = firstData;
        while (end < grid.rows().size() && !grid.isBlank(end) && ruleTableColumn(end) < 0) {
            end++;
        }
        tables.add(new TableArea(name, r + 1, end));
        if (name.isEmpty()) {
            problem(name, r, c0, "the table has no name: write it after 'RuleTable', e.g. 'RuleTable Cluster classification'");
        }
        int nameColumn = -1;
        int idColumn = -1;
        List<Integer> reasonColumns = new ArrayList<>();
        int technicalColumn = -1;
        for (int c = c0; c < grid.width(header); c++) {
            String keyword = grid.cell(header, c);
            if (keyword.isEmpty()) {
                continue;
            }
            if (!COLUMN_KEYWORDS.contains(keyword)) {
                problem(name, header, c, "unknown column header '" + keyword + "': expected one of NAME, CONDITION, "
                        + "ACTION, METADATA, DESCRIPTION, PRIORITY, ACTIVATION-GROUP... (Drools would ignore or misread it)");
            } else if (keyword.equals("NAME")) {
                nameColumn = c;
            } else if (keyword.equals("METADATA") && grid.cell(r + 3, c).replace(" ", "").equals(RULE_ID_SNIPPET)) {
                idColumn = c;
            } else if (keyword.equals("METADATA") && (grid.cell(r + 3, c).replace(" ", "").equals(ReasonTemplate.ENGLISH_SNIPPET)
                    || grid.cell(r + 3, c).replace(" ", "").equals(ReasonTemplate.ITALIAN_SNIPPET))) {
                reasonColumns.add(c);
            } else if (keyword.equals("METADATA") && grid.cell(r + 3, c).replace(" ", "").equals(ReasonTemplate.TECHNICAL_SNIPPET)) {
                technicalColumn = c;
            }
        }
        if (nameColumn < 0) {
            problem(name, header, c0, "the table has no NAME column: every rule needs a business sentence as its name");
        }
        if (idColumn < 0) {
            problem(name, header, c0, "the table has no rule id column: add a METADATA column with "
                    + RULE_ID_SNIPPET + " in its code row and a stable id in each rule row");
        }
        for (int d = firstData; d < end; d++) {
            if (nameColumn >= 0 && grid.cell(d, nameColumn).isEmpty()) {
                problem(name, d, nameColumn, "the rule has no NAME: write what it decides as a business sentence");
            } else if (nameColumn >= 0) {
                for (String wrong : ReasonTemplate.placeholderProblems(grid.cell(d, nameColumn))) {
                    problem(name, d, nameColumn, wrong);
                }
            }
            if (idColumn >= 0 && grid.cell(d, idColumn).isEmpty()) {
                problem(name, d, idColumn, "the rule has no rule id: give it a stable id such as CLU-KEY");
            }
            for (int c : reasonColumns) {
                for (String wrong : ReasonTemplate.problems(grid.cell(d, c))) {
                    problem(name, d, c, wrong);
                }
            }
            String technical = technicalColumn < 0 ? "" : grid.cell(d, technicalColumn);
            if (!technical.isEmpty() && !technical.equalsIgnoreCase("yes")) {
                problem(name, d, technicalColumn, "'" + technical + "' in the technical column: write yes (a weight or an intermediate "
                        + "level, left out of the short explanation) or leave it empty");
            }
        }
        return end;
    }

    private void problem(String table, int rowIndex, int columnIndex, String message) {
        String label = grid.cell(tables.isEmpty() ? rowIndex : tables.get(tables.size() - 1).firstRow() + 3, columnIndex);
        String column = SpreadsheetGrid.columnLetter(columnIndex) + (label.isEmpty() ? "" : " (" + label + ")");
        problems.add(new RuleProblem(file, table.isEmpty() ? null : table, rowIndex + 1, column, message));
    }
}
