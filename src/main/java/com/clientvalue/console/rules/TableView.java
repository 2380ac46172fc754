package com.clientvalue.console.rules;

import com.clientvalue.console.Ui;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/** The page of one rule file: the grid of a CSV file (with the problems found at its cells), the text of a DRL file. */
@Singleton
class TableView {
    private final GridJson gridJson;

    TableView(GridJson gridJson) {
        this.gridJson = gridJson;
    }

    Pages.Table of(Ui page, @Nullable Draft draft, String version, RuleSource source, boolean editable,
                      List<RuleProblem> problems, boolean checked, @Nullable String upload) {
        boolean grid = RuleGrid.editable(source.path());
        RuleGrid cells = grid ? RuleGrid.of(source) : null;
        String json = grid ? gridJson.of(cells, problems, editable, draft == null ? "" : draft.updatedAt().toString()) : "{}";
        List<Pages.ProblemView> here = ProblemViews.of(draft == null ? 0 : draft.id(),
                problems.stream().filter(p -> p.file().equals(source.path())).toList());
        return new Pages.Table(page, draft, version, source.path(), editable && grid, cells, json,
                grid || source.kind() == RuleSource.Kind.XLSX_TABLE ? null : source.text(), here, checked,
                upload == null ? null : "table.upload." + upload);
    }
}
