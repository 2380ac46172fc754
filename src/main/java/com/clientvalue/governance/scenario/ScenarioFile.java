package com.clientvalue.governance.scenario;

import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one rules/tests/*.csv file: a header naming the columns, then one scenario per line.
 * Rows with a problem are reported and not evaluated; a bad header stops the whole file, since
 * every row would be read through it.
 */
final class ScenarioFile {
    // how Commons CSV names the line it cannot read: "(startline 3) EOF reached ...", "... at line: 2, position: 6"
    private static final Pattern LINE = Pattern.compile("(?:startline|line:) (\\d+)");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(true).build();

    record Read(List<Scenario> scenarios, List<RuleProblem> problems) {
    }

    private ScenarioFile() {
    }

    static Read read(RuleSource source, RuleBase candidate) {
        String path = source.path();
        if (!path.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return failed(path, null, "scenarios are read from .csv files only: save this file as CSV (comma separated)");
        }
        String text = source.text().startsWith("\uFEFF") ? source.text().substring(1) : source.text();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            String reason = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            Matcher at = LINE.matcher(reason);
            return failed(path, at.find() ? Integer.valueOf(at.group(1)) : null, csvMistake(reason));
        }
        if (records.isEmpty() || blank(records.get(0))) {
            return failed(path, 1, "the file is empty: the first line names the columns (scenario, then what a scenario gives and expects), "
                    + "then one scenario per line");
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<ScenarioColumn> columns = header(path, records.get(0), problems);
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, Integer> lineByName = new HashMap<>();
        Lines lines = new Lines(text);
        int rows = 0;
        for (CSVRecord record : records.subList(1, records.size())) {
            if (blank(record)) {
                continue;
            }
            rows++;
            ScenarioCells cells = new ScenarioCells(path, lines.at(record.getCharacterPosition()), cells(record, columns));
            Scenario scenario = ScenarioRow.read(cells, candidate, lineByName);
            for (int i = 0; i < record.size(); i++) {
                if ((i >= columns.size() || columns.get(i) == null) && !record.get(i).isEmpty()) {
                    cells.problem(null, "'" + record.get(i) + "' is in cell " + (i + 1) + ", a column without a name: "
                            + "name the column in the first line or remove the value");
                }
            }
            problems.addAll(cells.problems());
            if (cells.problems().isEmpty()) {
                scenarios.add(scenario);
            }
        }
        if (rows == 0) {
            problems.add(new RuleProblem(path, null, null, null,
                    "the file has no scenarios: add one line per scenario below the header line"));
        }
        return new Read(scenarios, problems);
    }

    private static List<ScenarioColumn> header(String path, CSVRecord header, List<RuleProblem> problems) {
        List<ScenarioColumn> columns = new ArrayList<>();
        for (String name : header) {
            if (name.isEmpty()) {
                columns.add(null);
                continue;
            }
            ScenarioColumn column = ScenarioColumn.of(name).orElse(null);
            if (column == null) {
                String hint = name.contains(";") ? " (the file seems to use ';' between cells: save it with ',' as separator)"
                        : ScenarioColumn.closest(name).map(c -> " (did you mean '" + c.header() + "'?)").orElse("");
                problems.add(new RuleProblem(path, null, 1, name, "unknown column '" + name + "'" + hint
                        + "; the columns are: " + ScenarioColumn.allowed()));
            } else if (columns.contains(column)) {
                problems.add(new RuleProblem(path, null, 1, name, "the column '" + column.header() + "' appears twice"));
            }
            columns.add(column);
        }
        if (problems.isEmpty() && !columns.contains(ScenarioColumn.SCENARIO)) {
            problems.add(new RuleProblem(path, null, 1, null, "the column 'scenario' is missing: every scenario needs a name"));
        }
        return columns;
    }

    private static Map<ScenarioColumn, String> cells(CSVRecord record, List<ScenarioColumn> columns) {
        Map<ScenarioColumn, String> cells = new EnumMap<>(ScenarioColumn.class);
        for (int i = 0; i < Math.min(record.size(), columns.size()); i++) {
            if (columns.get(i) != null) {
                cells.put(columns.get(i), record.get(i));
            }
        }
        return cells;
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isEmpty);
    }

    /** Where records start, as a text editor counts lines: quoted cells may span several. */
    private static final class Lines {
        private final String text;
        private int position;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int at(long characterPosition) {
            for (; position < characterPosition; position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static String csvMistake(String reason) {
        if (reason.contains("EOF reached before encapsulated token finished")) {
            return "a quote (\") opened on this line is never closed: close it, or remove it";
        }
        if (reason.contains("Invalid character between encapsulated token and delimiter")) {
            return "a cell on this line goes on after its closing quote (\"): put the whole cell in quotes, or remove them";
        }
        return "the file cannot be read as CSV: " + reason;
    }

    private static Read failed(String path, Integer line, String message) {
        return new Read(List.of(), List.of(new RuleProblem(path, null, line, null, message)));
    }
}
