package com.clientvalue.console.rules;

import com.clientvalue.rules.RuleSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two sets of rule files, as an analyst reads a table: per file, the cells
 * changed in rows matched by their rule id (a list's rows by their first cell), the rows added and
 * removed, and whether the technical rows or the order of the rows changed. Files that are not CSV
 * (DRL, spreadsheets) are only said to have changed.
 */
public final class TableDiff {
    private TableDiff() {
    }

    public enum Status { ADDED, REMOVED, CHANGED }

    /** The key of a change in a technical row (the page shows it in words). */
    public static final String TECHNICAL = "";

    /** One changed file. {@code text} is set for a file shown whole instead of cell by cell. */
    public record FileChange(String path, Status status, List<CellChange> cells, List<RowChange> added, List<RowChange> removed,
                             boolean structureChanged, boolean reordered, boolean cellByCell) {
        public int count() {
            return cells.size() + added.size() + removed.size() + (structureChanged ? 1 : 0) + (reordered ? 1 : 0);
        }
    }

    /** A cell whose text changed: in the rule (or line) {@code key}, at spreadsheet row {@code row} of the newer file. */
    public record CellChange(String key, int row, String column, String before, String after) {
    }

    /** A row added or removed: its number in the file it is in, its key and its cells joined. */
    public record RowChange(int row, String key, String cells) {
    }

    static List<FileChange> between(List<RuleSource> before, List<RuleSource> after) {
        Map<String, RuleSource> old = before.stream().collect(Collectors.toMap(RuleSource::path, Function.identity()));
        Map<String, RuleSource> now = after.stream().collect(Collectors.toMap(RuleSource::path, Function.identity()));
        TreeSet<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<FileChange> changes = new ArrayList<>();
        for (String path : paths) {
            RuleSource a = old.get(path);
            RuleSource b = now.get(path);
            if (a != null && b != null && Arrays.equals(a.content(), b.content())) {
                continue;
            }
            Status status = a == null ? Status.ADDED : b == null ? Status.REMOVED : Status.CHANGED;
            if (!RuleGrid.editable(path)) {
                changes.add(new FileChange(path, status, List.of(), List.of(), List.of(), false, false, false));
                continue;
            }
            changes.add(file(path, status, a == null ? null : RuleGrid.of(a), b == null ? null : RuleGrid.of(b)));
        }
        return changes;
    }

    private static FileChange file(String path, Status status, RuleGrid a, RuleGrid b) {
        Map<String, RuleGrid.Line> rowsA = keyed(a);
        Map<String, RuleGrid.Line> rowsB = keyed(b);
        List<CellChange> cells = new ArrayList<>();
        List<RowChange> added = new ArrayList<>();
        List<RowChange> removed = new ArrayList<>();
        List<String> commonOrderA = new ArrayList<>();
        for (Map.Entry<String, RuleGrid.Line> entry : rowsA.entrySet()) {
            RuleGrid.Line newer = rowsB.get(entry.getKey());
            if (newer == null) {
                removed.add(row(entry.getKey(), entry.getValue()));
                continue;
            }
            commonOrderA.add(entry.getKey());
            List<String> x = entry.getValue().cells();
            List<String> y = newer.cells();
            for (int c = 0; c < Math.max(x.size(), y.size()); c++) {
                String before = c < x.size() ? x.get(c) : "";
                String after = c < y.size() ? y.get(c) : "";
                if (!before.equals(after)) {
                    cells.add(new CellChange(shortKey(entry.getKey()), newer.number(), b.header(c), before, after));
                }
            }
        }
        List<String> commonOrderB = new ArrayList<>();
        for (Map.Entry<String, RuleGrid.Line> entry : rowsB.entrySet()) {
            if (rowsA.containsKey(entry.getKey())) {
                commonOrderB.add(entry.getKey());
            } else {
                added.add(row(entry.getKey(), entry.getValue()));
            }
        }
        boolean structure = a != null && b != null && !a.structure().equals(b.structure());
        if (structure) {
            cells.addAll(0, technical(a, b));
        }
        return new FileChange(path, status, cells, added, removed, structure, !commonOrderA.equals(commonOrderB), true);
    }

    /** The technical cells changed, line by line, when both files have as many technical lines (else only the flag says so). */
    private static List<CellChange> technical(RuleGrid a, RuleGrid b) {
        List<RuleGrid.Line> x = a.lines().stream().filter(l -> l.kind() != RuleGrid.Kind.RULE).toList();
        List<RuleGrid.Line> y = b.lines().stream().filter(l -> l.kind() != RuleGrid.Kind.RULE).toList();
        List<CellChange> changes = new ArrayList<>();
        if (x.size() != y.size()) {
            return changes;
        }
        for (int i = 0; i < x.size(); i++) {
            List<String> before = x.get(i).cells();
            List<String> after = y.get(i).cells();
            for (int c = 0; c < Math.max(before.size(), after.size()); c++) {
                String was = c < before.size() ? before.get(c) : "";
                String is = c < after.size() ? after.get(c) : "";
                if (!was.equals(is)) {
                    changes.add(new CellChange(TECHNICAL, y.get(i).number(), RuleGrid.letter(c), was, is));
                }
            }
        }
        return changes;
    }

    /** The rule rows by key: the first cell (the rule id of a table, a scenario's name, a code), numbered when repeated. */
    private static Map<String, RuleGrid.Line> keyed(RuleGrid grid) {
        Map<String, RuleGrid.Line> keyed = new LinkedHashMap<>();
        if (grid == null) {
            return keyed;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (RuleGrid.Line line : grid.lines()) {
            if (line.kind() == RuleGrid.Kind.RULE) {
                String first = line.cells().isEmpty() ? "" : line.cells().get(0).trim();
                int n = seen.merge(first, 1, Integer::sum);
                keyed.put(n == 1 ? first : first + " #" + n, line);
            }
        }
        return keyed;
    }

    private static RowChange row(String key, RuleGrid.Line line) {
        return new RowChange(line.number(), shortKey(key), String.join(" | ", line.cells()));
    }

    private static String shortKey(String key) {
        return key.length() > 80 ? key.substring(0, 77) + "..." : key;
    }
}
