package com.clientvalue.console.rules;

import com.clientvalue.audit.RuleFirings;
import com.clientvalue.console.Ui;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** The page of one rule file: the grid of a CSV file (with the problems found at its cells), the text of a DRL file. */
@Singleton
class TableView {
    /** The periods a table's firing counts may cover, in days; the first is the default. */
    static final List<Integer> FIRING_DAYS = List.of(90, 30, 365);
    private final GridJson gridJson;
    private final RuleFirings firings;
    private final ActiveRuleBase active;
    private final Clock clock;

    TableView(GridJson gridJson, RuleFirings firings, ActiveRuleBase active, Clock clock) {
        this.gridJson = gridJson;
        this.firings = firings;
        this.active = active;
        this.clock = clock;
    }

    /** The table of the active version with how often each rule fired in the audited decisions of the last {@code days} days. */
    Pages.Table withFirings(Ui page, String version, RuleSource source, int days) {
        Pages.Table table = of(page, null, version, source, false, List.of(), false, null);
        if (table.grid() == null) {
            return table;
        }
        java.util.Set<String> ids = active.current().rules().stream().filter(r -> r.file().equals(source.path()))
                .map(RuleDescriptor::ruleId).collect(java.util.stream.Collectors.toSet());
        java.time.Instant to = clock.instant();
        java.util.Map<String, Long> counts = firings.count(to.minus(java.time.Duration.ofDays(days)), to, null);
        GridJson.Firings fired = new GridJson.Firings(ids, counts, page.t("table.fired", days), page.t("table.neverFired"));
        return new Pages.Table(table.ui(), null, version, table.path(), false, table.grid(),
                gridJson.of(table.grid(), List.of(), false, "", fired), table.text(), table.problems(), false, null);
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
