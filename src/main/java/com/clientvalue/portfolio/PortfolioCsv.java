package com.clientvalue.portfolio;

import com.clientvalue.client.AbcClass;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio's CSV exports, one per figure, each with its file name: the API's {@code *.csv}
 * endpoints and the console's downloads write the same files through here.
 */
public final class PortfolioCsv {
    private PortfolioCsv() {
    }

    /** A CSV file: the name to save it under and its content. */
    public record Export(String filename, String body) {
    }

    /** One line per dimension (CLUSTER, ABC_CLASS, LIFECYCLE, EXPERIENCE) and segment. */
    public static Export summary(PortfolioSummary summary) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, List<SegmentFigures>> dimensions = new LinkedHashMap<>();
        dimensions.put("CLUSTER", summary.byCluster());
        dimensions.put("ABC_CLASS", summary.byAbcClass());
        dimensions.put("LIFECYCLE", summary.byLifecycle());
        dimensions.put("EXPERIENCE", summary.byExperienceSegment());
        dimensions.forEach((dimension, figures) -> figures.forEach(f ->
                rows.add(List.of(dimension, f.segment(), f.clients(), f.revenue12m().toPlainString()))));
        return new Export("summary-" + summary.asOf() + ".csv",
                SpreadsheetSafeCsv.write(List.of("dimension", "segment", "clients", "revenue12m"), rows));
    }

    /** One line per category of open needs, with its clients per cluster. */
    public static Export needs(PortfolioNeeds.Report report) {
        List<String> header = new ArrayList<>(List.of("category", "needs", "clients", "oldest_days"));
        for (com.clientvalue.decision.Cluster cluster : com.clientvalue.decision.Cluster.values()) {
            header.add("clients_" + cluster.name().toLowerCase(java.util.Locale.ROOT));
        }
        List<List<Object>> rows = new ArrayList<>();
        report.categories().forEach(c -> {
            List<Object> row = new ArrayList<>(List.of(c.category(), c.needs(), c.clients(), c.oldestDays()));
            for (com.clientvalue.decision.Cluster cluster : com.clientvalue.decision.Cluster.values()) {
                row.add(c.clientsByCluster().getOrDefault(cluster.name(), 0L));
            }
            rows.add(row);
        });
        return new Export("needs-" + report.asOf() + ".csv", SpreadsheetSafeCsv.write(header, rows));
    }

    /** One line per matrix and cell. */
    public static Export matrices(PortfolioMatrices.Matrices computed) {
        List<List<Object>> rows = new ArrayList<>();
        computed.matrices().forEach(m -> m.cells().forEach(c -> rows.add(List.of(m.name(), m.rows(), c.row(), m.columns(),
                c.column(), c.clients(), c.revenue12m().toPlainString(), c.margin12m().toPlainString()))));
        return new Export("matrices-" + computed.asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("matrix", "rows", "row", "columns", "column", "clients", "revenue12m", "margin12m"), rows));
    }

    /** Every ranked client of the customer pyramid. */
    public static Export pyramid(ParetoAnalysis analysis) {
        return pyramid(analysis, null);
    }

    /** The ranked clients of one class of the customer pyramid (of every class when null). */
    public static Export pyramid(ParetoAnalysis analysis, @Nullable AbcClass abcClass) {
        String name = "abc-" + analysis.by().name().toLowerCase() + (abcClass == null ? "" : "-" + abcClass.name());
        return new Export(name + "-" + analysis.asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("rank", "client_id", "value", "share_before", "abc_class"),
                analysis.ranking().stream().filter(c -> abcClass == null || c.abcClass() == abcClass).map(c -> List.<Object>of(c.rank(), c.clientId(), c.value().toPlainString(),
                        c.shareBefore().toPlainString(), c.abcClass().name())).toList()));
    }

    /** The clients behind a figure, in the list's order; the file is named after the figure's selection. */
    public static Export clients(PortfolioClients.Selected selected) {
        StringBuilder name = new StringBuilder("clients");
        selected.selection().parameters().forEach((parameter, value) -> name.append('-').append(parameter).append('-')
                .append(value.replaceAll("[^A-Za-z0-9]+", "_")));
        return new Export(name + "-" + selected.asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("client_id", "name", "country", "cluster", "lifecycle", "abc_class", "revenue12m"),
                selected.clients().stream().map(c -> List.<Object>of(c.clientId(), c.name(), c.country(), name(c.cluster()),
                        name(c.lifecycle()), c.abcClass().name(), c.revenue12m().toPlainString())).toList()));
    }

    private static String name(Enum<?> value) {
        return value == null ? PortfolioDimension.NONE : value.name();
    }

    /** The Lorenz curve's points. */
    public static Export concentration(Concentration concentration) {
        return new Export("lorenz-" + concentration.by().name().toLowerCase() + "-" + concentration.asOf() + ".csv",
                SpreadsheetSafeCsv.write(List.of("client_share", "value_share"), concentration.lorenz().stream()
                        .map(p -> List.<Object>of(p.clientShare().toPlainString(), p.valueShare().toPlainString())).toList()));
    }

    /** The budget split per cluster. */
    public static Export budget(BudgetAllocation allocation) {
        return new Export("budget-" + allocation.asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("cluster", "clients", "weight", "share", "budget", "per_client"),
                allocation.segments().stream().map(s -> List.<Object>of(s.cluster().name(), s.clients(), s.weight().toPlainString(),
                        s.share().toPlainString(), s.budget().toPlainString(), s.perClient().toPlainString())).toList()));
    }
}
