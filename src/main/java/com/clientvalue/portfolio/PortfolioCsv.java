package com.clientvalue.portfolio;

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

    /** One line per matrix and cell. */
    public static Export matrices(PortfolioMatrices.Matrices computed) {
        List<List<Object>> rows = new ArrayList<>();
        computed.matrices().forEach(m -> m.cells().forEach(c -> rows.add(List.of(m.name(), m.rows(), c.row(), m.columns(),
                c.column(), c.clients(), c.revenue12m().toPlainString()))));
        return new Export("matrices-" + computed.asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("matrix", "rows", "row", "columns", "column", "clients", "revenue12m"), rows));
    }

    /** Every ranked client of the customer pyramid. */
    public static Export pyramid(ParetoAnalysis analysis) {
        return new Export("abc-" + analysis.by().name().toLowerCase() + "-" + analysis.asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("rank", "client_id", "value", "share_before", "abc_class"),
                analysis.ranking().stream().map(c -> List.<Object>of(c.rank(), c.clientId(), c.value().toPlainString(),
                        c.shareBefore().toPlainString(), c.abcClass().name())).toList()));
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
