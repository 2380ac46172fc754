package com.clientvalue.console.rules;

import com.clientvalue.rules.DecisionTable;
import com.clientvalue.rules.RuleSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CSV rule file as the grid shows it: every line with its spreadsheet number and what it is. In a
 * decision table the rule rows are the business (editable in a draft); the titles of the columns are
 * headers; the rest (RuleSet, Import, Notes, RuleTable, the column kinds, object types and code) is
 * technical, read-only, and folded away unless asked for. In a plain list (scenarios, vocabulary,
 * budget weights) the first line names the columns and every other line is business.
 *
 * @param decisionTable whether the file holds decision tables (else a plain list)
 * @param titles        the column titles the grid heads its columns with (a single table's, or the list's header)
 */
public record RuleGrid(String path, boolean decisionTable, int width, List<Line> lines, List<String> titles) {

    public enum Kind { TECHNICAL, TITLE, RULE }

    /** One line of the file: its number as a spreadsheet numbers it (1-based), its kind and its cells. */
    public record Line(int number, Kind kind, List<String> cells, String raw) {
    }

    public static boolean editable(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".csv") && !path.startsWith("invariants/");
    }

    public static RuleGrid of(RuleSource source) {
        List<Raw> rows = parseRaw(source.text());
        boolean table = source.kind() == RuleSource.Kind.CSV_TABLE;
        Set<Integer> titleRows = new HashSet<>();
        Set<Integer> ruleRows = new HashSet<>();
        List<String> titles = new ArrayList<>();
        if (table) {
            List<DecisionTable> tables = DecisionTable.of(List.of(source));
            for (DecisionTable t : tables) {
                titleRows.add(t.codeRow() + 1);
                t.rows().forEach(r -> ruleRows.add(r.number()));
            }
            if (tables.size() == 1 && t0TitleRow(tables) <= rows.size()) {
                titles.addAll(rows.get(t0TitleRow(tables) - 1).cells());
            }
        } else if (!rows.isEmpty()) {
            titleRows.add(1);
            titles.addAll(rows.get(0).cells());
            for (int n = 2; n <= rows.size(); n++) {
                ruleRows.add(n);
            }
        }
        List<Line> lines = new ArrayList<>();
        int width = 0;
        for (int i = 0; i < rows.size(); i++) {
            int number = i + 1;
            Kind kind = ruleRows.contains(number) ? Kind.RULE : titleRows.contains(number) ? Kind.TITLE : Kind.TECHNICAL;
            lines.add(new Line(number, kind, rows.get(i).cells(), rows.get(i).text()));
            width = Math.max(width, rows.get(i).cells().size());
        }
        return new RuleGrid(source.path(), table, width, List.copyOf(lines), List.copyOf(titles));
    }

    private static int t0TitleRow(List<DecisionTable> tables) {
        return tables.get(0).codeRow() + 1;
    }

    /** The title of a column (0-based) as the grid heads it: its letter, and its title when there is one. */
    public String header(int column) {
        String letter = letter(column);
        String title = column < titles.size() ? titles.get(column).trim() : "";
        return title.isEmpty() ? letter : letter + " · " + title;
    }

    public static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** The 0-based column of a problem's column: a letter ("C (Potential at least)") or a list's column name. */
    public int columnOf(String problemColumn) {
        if (problemColumn == null || problemColumn.isBlank()) {
            return -1;
        }
        String first = problemColumn.trim().split("[ (]", 2)[0];
        if (decisionTable && first.chars().allMatch(Character::isUpperCase)) {
            int column = 0;
            for (char c : first.toCharArray()) {
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
        String wanted = normal(problemColumn);
        for (int c = 0; c < titles.size(); c++) {
            if (normal(titles.get(c)).equals(wanted)) {
                return c;
            }
        }
        return -1;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** The cells of the lines that are not rules, in order: what a save may not change. */
    public List<List<String>> structure() {
        return lines.stream().filter(l -> l.kind() != Kind.RULE).map(Line::cells).toList();
    }

    /** A line's cells and its text as the file writes it (without the line break). */
    record Raw(List<String> cells, String text) {
    }

    static List<List<String>> parse(String text) {
        return parseRaw(text).stream().map(Raw::cells).toList();
    }

    static List<Raw> parseRaw(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build())) {
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableCsv(e.getMessage());
        }
        List<Raw> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            int start = (int) records.get(i).getCharacterPosition();
            int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : body.length();
            String line = body.substring(start, end);
            while (line.endsWith("\n") || line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            rows.add(new Raw(records.get(i).toList(), line));
        }
        return rows;
    }

    /**
     * The rows written back: a row the file had is written as the file wrote it (the analysts' own
     * quoting kept), a new or edited one is quoted only where a cell needs it; lines end with a line feed.
     */
    static byte[] write(List<List<String>> rows, List<Line> original) {
        Map<List<String>, Deque<String>> raw = new HashMap<>();
        for (Line line : original) {
            raw.computeIfAbsent(trimmed(line.cells()), c -> new ArrayDeque<>()).add(line.raw());
        }
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            // a spreadsheet program drops a line's trailing empty cells: the line is still the same
            Deque<String> same = raw.get(trimmed(row));
            if (same != null && !same.isEmpty()) {
                csv.append(same.poll()).append('\n');
            } else {
                csv.append(new String(write(List.of(row)), StandardCharsets.UTF_8));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The lines as the analysts' files write them: a cell is quoted only when it holds a comma, a
     * quote or a line break, lines end with a line feed; so an edit changes only the lines it touches.
     */
    static byte[] write(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    csv.append(',');
                }
                String cell = row.get(c) == null ? "" : row.get(c);
                if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                    csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    csv.append(cell);
                }
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows padded with empty cells up to the width of the line at the same place before (spreadsheets drop trailing empty cells). */
    static List<List<String>> widened(List<List<String>> rows, List<Line> before) {
        List<List<String>> widened = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            int width = i < before.size() ? before.get(i).cells().size() : 0;
            while (row.size() < width) {
                row.add("");
            }
            widened.add(row);
        }
        return widened;
    }

    private static List<String> trimmed(List<String> cells) {
        int end = cells.size();
        while (end > 0 && (cells.get(end - 1) == null || cells.get(end - 1).isEmpty())) {
            end--;
        }
        return cells.subList(0, end);
    }

    /** The file is not a CSV the grid can read. */
    static final class UnreadableCsv extends RuntimeException {
        UnreadableCsv(String message) {
            super(message);
        }
    }
}
