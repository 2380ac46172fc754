package com.clientvalue.console.rules;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a file as the grid sends them back: each with its kind and cells. Empty rule rows
 * are left out (an empty line would end a decision table); trailing empty cells the line did not
 * have are dropped.
 */
final class SavedLines {
    private SavedLines() {
    }

    @Serdeable
    record Line(String k, List<String> c) {
        boolean rule() {
            return RuleGrid.Kind.RULE.name().equals(k);
        }
    }

    static List<List<String>> rows(List<Line> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (Line line : lines) {
            List<String> cells = line.c().stream().map(c -> c == null ? "" : c).toList();
            if (line.rule() && cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(cells);
        }
        return rows;
    }

    static List<List<String>> structure(List<Line> lines) {
        return lines.stream().filter(l -> !l.rule()).map(l -> l.c().stream().map(c -> c == null ? "" : c).toList()).toList();
    }
}
