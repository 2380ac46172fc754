package com.clientvalue.console.rules;

import com.clientvalue.console.Ui;
import com.clientvalue.governance.impact.ImpactReport;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RulePublisher;
import com.clientvalue.rules.RuleVersions;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/** What the Rules templates show: one record per page (public, as the precompiled templates read them). */
public final class Pages {
    private Pages() {
    }

    /** A folder of the rule set (an area: clusters, lifecycle...) and its files. */
    public record Area(String name, List<FileEntry> files) {
    }

    /** A file as listed: its path, whether the grid opens it, how many rules it holds, whether a draft changes it. */
    public record FileEntry(String path, String name, boolean grid, int rules, boolean changed) {
    }

    public record Home(Ui ui, String version, String loadedAt, int rules, List<Area> areas, List<Draft> drafts) {
    }

    /**
     * One file in the grid. {@code draft} is null for the active version's file; {@code gridJson}
     * is what the grid script reads (columns, lines, problems at their cells); {@code text} is the
     * content of a file the grid does not show (DRL).
     */
    public record Table(Ui ui, @Nullable Draft draft, String version, String path, boolean editable, @Nullable RuleGrid grid,
                        String gridJson, @Nullable String text, List<ProblemView> problems, boolean checked,
                        @Nullable String upload) {
        /** A DRL file's lines, numbered from 1, each with the problems found at it. */
        public List<SourceLine> lines() {
            if (text == null) {
                return List.of();
            }
            String[] split = text.split("\r?\n", -1);
            int count = split.length > 1 && split[split.length - 1].isEmpty() ? split.length - 1 : split.length;
            List<SourceLine> lines = new java.util.ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int number = i + 1;
                lines.add(new SourceLine(number, split[i], problems.stream().map(ProblemView::problem)
                        .filter(p -> p.row() != null && p.row() == number).map(com.clientvalue.rules.RuleProblem::message).toList()));
            }
            return lines;
        }
    }

    /** One line of a DRL file as the console shows it, with the problems found at it. */
    public record SourceLine(int number, String text, List<String> problems) {
    }

    /** A problem as the console lists it, with the link that opens its cell (null when it has no file in the grid). */
    public record ProblemView(RuleProblem problem, String category, @Nullable String link) {
    }

    /**
     * A draft's overview: what it changes, whether its base is still active and what changed meanwhile;
     * after a refused publication, its problems and the comment typed.
     */
    /**
     * Rows that both the draft and the active version changed since the draft's base, differently: lines
     * {@code fromLine}..{@code toLine} of the base file ({@code toLine < fromLine}: both added rows at
     * the same place), as each side has them.
     */
    public record ConflictView(String path, int fromLine, int toLine, List<String> base, List<String> mine, List<String> theirs) {
        static ConflictView of(DraftMerge.Conflict conflict) {
            return new ConflictView(conflict.path(), conflict.fromLine(), conflict.toLine(), shown(conflict.base()),
                    shown(conflict.mine()), shown(conflict.theirs()));
        }

        private static List<String> shown(List<String> lines) {
            return lines.stream().map(line -> line.endsWith("\n") ? line.substring(0, line.length() - 1) : line)
                    .map(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toList();
        }
    }

    public record DraftPage(Ui ui, Draft draft, String activeVersion, List<Area> areas, List<TableDiff.FileChange> changes,
                            List<TableDiff.FileChange> meanwhile, List<ProblemView> refused, @Nullable String message,
                            @Nullable String comment, List<ConflictView> conflicts) {
        public boolean stale() {
            return !draft.baseVersion().equals(activeVersion);
        }
    }

    /**
     * A draft's validation page: its latest run (null before the first), whether that run was on the
     * draft as it is now, and once done its report with the problems grouped by what found them.
     */
    public record Validation(Ui ui, Draft draft, @Nullable DraftRun run, boolean current,
                             @Nullable RulePublisher.ValidationReport report, List<ProblemView> problems) {
        public List<ProblemView> in(String category) {
            return problems.stream().filter(p -> p.category().equals(category)).toList();
        }
    }

    /**
     * A draft's impact page: the date typed (or of the latest run), its latest run and whether it was
     * on the draft as it is now, its report once done, or the problems that kept the draft from compiling.
     *
     * @param activeVersion the version active now: a report compared with another one says so
     * @param message       a key of the rules bundle when the form was refused, else null
     */
    public record Impact(Ui ui, Draft draft, LocalDate asOf, @Nullable DraftRun run, boolean current,
                         @Nullable ImpactReport report, List<ProblemView> problems, String activeVersion,
                         @Nullable String message) {
        /** The matrices of the report, each with its title's key and its table's id, in the order the page shows them. */
        public List<Matrix> matrices() {
            return report == null ? List.of() : List.of(
                    new Matrix("impact.clusterMatrix", "cluster-matrix", report.clusterMatrix()),
                    new Matrix("impact.lifecycleMatrix", "lifecycle-matrix", report.lifecycleMatrix()),
                    new Matrix("impact.experienceMatrix", "experience-matrix", report.experienceMatrix()),
                    new Matrix("impact.entitlementMatrix", "entitlement-matrix", report.entitlementMatrix()));
        }
    }

    /** One from → to table of an impact report. */
    public record Matrix(String title, String id, List<ImpactReport.Cell> cells) {
    }

    /** A client's answer to the impact preview's probe request, as the entitlement matrix names it. */
    /** An outcome's value as the matrices show it: NONE when the rules gave none. */
    public static String outcome(@Nullable Object value) {
        return value == null ? "NONE" : value.toString();
    }

    public static String entitlement(@Nullable Boolean granted) {
        return granted == null ? "NONE" : granted ? ImpactReport.GRANTED : ImpactReport.REFUSED;
    }

    public static String when(java.time.Instant instant) {
        return instant == null ? "" : RulesPages.WHEN.format(instant) + " UTC";
    }

    /** The periods a table's firing counts may cover, the default first. */
    public static List<Integer> firingDays() {
        return TableView.FIRING_DAYS;
    }

    public static String shortVersion(String version) {
        return version == null ? "" : version.length() > 12 ? version.substring(0, 12) : version;
    }

    public record Versions(Ui ui, List<RuleVersions.VersionInfo> versions) {
    }

    public record Version(Ui ui, RuleVersions.VersionInfo info, List<TableDiff.FileChange> changes, List<ProblemView> refused,
                          @Nullable String message) {
    }
}
