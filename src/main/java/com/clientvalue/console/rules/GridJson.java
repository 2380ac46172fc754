package com.clientvalue.console.rules;

import com.clientvalue.rules.RuleProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data the grid script reads from the page: its columns, its lines, the problems found at cells, how often each rule fired. */
@Singleton
class GridJson {
    private final JsonMapper json;

    GridJson(JsonMapper json) {
        this.json = json;
    }

    String of(RuleGrid grid, List<RuleProblem> problems, boolean editable, String revision) {
        return of(grid, problems, editable, revision, null);
    }

    /**
     * The same, and with {@code firings} (rule id → decisions of the period in which it fired, rule
     * ids of this file only) each rule line's count as {@code f}: 0 for a rule that never fired.
     */
    String of(RuleGrid grid, List<RuleProblem> problems, boolean editable, String revision, @Nullable Firings firings) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int c = 0; c < grid.width(); c++) {
            columns.add(Map.of("field", "c" + c, "title", grid.header(c)));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (RuleGrid.Line line : grid.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", line.number());
            row.put("n", line.number());
            row.put("k", line.kind().name());
            row.put("len", line.cells().size());
            for (int c = 0; c < line.cells().size(); c++) {
                row.put("c" + c, line.cells().get(c));
            }
            if (firings != null && line.kind() == RuleGrid.Kind.RULE) {
                line.cells().stream().filter(firings.ruleIds()::contains).findFirst()
                        .ifPresent(id -> row.put("f", firings.counts().getOrDefault(id, 0L)));
            }
            lines.add(row);
        }
        List<Map<String, Object>> marks = new ArrayList<>();
        for (RuleProblem problem : problems) {
            if (problem.file().equals(grid.path())) {
                marks.add(Map.of("row", problem.row() == null ? 0 : problem.row(), "col", grid.columnOf(problem.column()),
                        "message", problem.toString()));
            }
        }
        data.put("path", grid.path());
        data.put("editable", editable);
        data.put("revision", revision);
        data.put("singleHeader", !grid.titles().isEmpty());
        data.put("columns", columns);
        data.put("lines", lines);
        data.put("problems", marks);
        if (firings != null) {
            data.put("firedTitle", firings.title());
            data.put("neverFired", firings.neverFired());
        }
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often the rules of a file fired in the audited decisions of a period, and the column's title and note. */
    record Firings(java.util.Set<String> ruleIds, Map<String, Long> counts, String title, String neverFired) {
    }
}
