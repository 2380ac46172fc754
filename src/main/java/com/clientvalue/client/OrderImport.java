package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Imports order lines from CSV (an optional margin column gives each line's margin; an order's
 * margin is the sum of the margins given). An order_id in the file replaces every stored line of that
 * order, so importing the same file twice changes nothing. All or nothing, in one transaction.
 *
 * <p>The lines are validated one by one while they stream into a staging table; what needs the whole
 * file (an order on two clients or dates, unknown clients, totals) is checked there with SQL before
 * any stored order is touched. The problem names the first faulty line found.
 */
@Singleton
public class OrderImport {
    static final List<String> REQUIRED = List.of("client_id", "order_id", "order_date", "amount");
    static final List<String> OPTIONAL = List.of("margin", "product_category");

    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;

    OrderImport(JdbcOperations jdbc, PortfolioRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    @Transactional
    public ImportResult run(InputStream csv) {
        StagedOrders staged = new StagedOrders(jdbc);
        try (CsvRows csvRows = new CsvRows(csv, REQUIRED, OPTIONAL)) {
            staged.create();
            OrderLineRows rows = new OrderLineRows(csvRows);
            staged.load(rows);
            rows.rethrowFailure();
            StagedOrders.Summary summary = staged.summarize();
            ImportRejected problem = firstProblem(rows.rejection(), summary, staged);
            if (problem != null) {
                throw problem;
            }
            if (summary.splitOrders() > 0) {
                staged.numberSplitOrders();
            }
            if (summary.storedOrders() == 0) {
                staged.insertNew();
            } else {
                long unchanged = summary.unchangedOrders() > 0 ? staged.compareLines() : 0;
                if (unchanged < summary.orders()) {
                    staged.writeChanged(unchanged > 0);
                }
            }
            revision.bump();
            return new ImportResult(rows.rows(), summary.clients(), summary.orders());
        } finally {
            staged.drop();
        }
    }

    // a bad line ends the staging, so whatever SQL finds in the staged lines comes before it;
    // a total is only known for a whole file
    private static ImportRejected firstProblem(ImportRejected badLine, StagedOrders.Summary summary, StagedOrders staged) {
        return Stream.of(badLine,
                        summary.unknownClientLine() == null ? null : staged.unknownClient(summary.unknownClientLine()),
                        summary.mixedOrderLine() == null ? null : staged.mixedOrder(),
                        summary.overflowLine() == null || badLine != null ? null : StagedOrders.overflow(summary.overflowLine()))
                .filter(Objects::nonNull)
                .min(Comparator.comparingLong(ImportRejected::line))
                .orElse(null);
    }
}
