package com.clientvalue.console.rules;

import com.clientvalue.console.Ui;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;

/** A draft's overview: what it changes against its base, and what changed meanwhile when its base is no longer active. */
@Singleton
class DraftOverview {
    private final ActiveRuleBase active;
    private final DraftCandidates candidates;

    DraftOverview(ActiveRuleBase active, DraftCandidates candidates) {
        this.active = active;
        this.candidates = candidates;
    }

    Pages.DraftPage of(Ui page, Draft draft, List<Pages.ProblemView> refused, @Nullable String message) {
        return of(page, draft, refused, message, null);
    }

    /** The draft's page after a move onto the active version was refused for these conflicts. */
    Pages.DraftPage conflicted(Ui page, Draft draft, List<DraftMerge.Conflict> conflicts) {
        Pages.DraftPage plain = of(page, draft, List.of(), "draft.rebaseConflicts", null);
        return new Pages.DraftPage(plain.ui(), plain.draft(), plain.activeVersion(), plain.areas(), plain.changes(), plain.meanwhile(),
                plain.refused(), plain.message(), plain.comment(), conflicts.stream().map(Pages.ConflictView::of).toList());
    }

    Pages.DraftPage of(Ui page, Draft draft, List<Pages.ProblemView> refused, @Nullable String message,
                       @Nullable String comment) {
        RuleBase current = active.current();
        List<RuleSource> base = candidates.base(draft);
        List<RuleSource> mine = candidates.sources(draft);
        List<TableDiff.FileChange> meanwhile = draft.baseVersion().equals(current.version()) ? List.of()
                : TableDiff.between(base, current.sources());
        return new Pages.DraftPage(page, draft, current.version(), RulesPages.areas(current.files(), mine, draft.files().keySet()),
                TableDiff.between(base, mine), meanwhile, refused, message, comment, List.of());
    }
}
