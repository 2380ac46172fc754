package com.clientvalue.portfolio;

import com.clientvalue.audit.LifecycleMovements;
import com.clientvalue.decision.Cluster;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Churn and reactivation over time, the figure the method says to drive down: per month, the clients
 * lost, gone inactive, reactivated and won, per cluster. Lost, inactive and reactivated come from the
 * audited decisions' lifecycle changes (so a month counts what the decisions of that business date
 * found: resegment regularly, as the schedule does); won from the clients' first orders.
 */
@Singleton
public class PortfolioChurn {
    private static final Set<String> AWAY = Set.of("INACTIVE", "LOST");
    private static final Set<String> BUYING = Set.of("NEW", "ACTIVE", "LOYAL");
    private final LifecycleMovements movements;

    PortfolioChurn(LifecycleMovements movements) {
        this.movements = movements;
    }

    @Serdeable
    @Schema(description = "Per month: clients lost, gone inactive, reactivated and won, each per cluster (KEY, DEVELOP, MAINTAIN, "
            + "MARGINAL, NONE) and in total")
    public record Report(@Schema(description = "the first month, YYYY-MM") String from, @Schema(description = "the last month, YYYY-MM") String to,
                         List<Month> months) {
    }

    @Serdeable
    public record Month(String month,
                        @Schema(description = "clients whose decisions found them LOST, per cluster they had before") Map<String, Long> lost,
                        @Schema(description = "clients gone INACTIVE from NEW, ACTIVE or LOYAL") Map<String, Long> inactive,
                        @Schema(description = "clients back to NEW, ACTIVE or LOYAL from INACTIVE or LOST") Map<String, Long> reactivated,
                        @Schema(description = "clients whose first order falls in the month, per cluster of their latest decision") Map<String, Long> won) {
    }

    /** The months from {@code from} to {@code to}, both included. */
    public Report compute(YearMonth from, YearMonth to) {
        Map<String, Month> months = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m.toString(), new Month(m.toString(), empty(), empty(), empty(), empty()));
        }
        LocalDate start = from.atDay(1);
        LocalDate end = to.plusMonths(1).atDay(1);
        for (LifecycleMovements.Movement move : movements.between(start, end)) {
            Month month = months.get(move.month());
            if (month == null) {
                continue;
            }
            if ("LOST".equals(move.to()) && !"LOST".equals(move.from())) {
                add(month.lost(), move);
            } else if ("INACTIVE".equals(move.to()) && BUYING.contains(move.from())) {
                add(month.inactive(), move);
            } else if (BUYING.contains(move.to()) && AWAY.contains(move.from())) {
                add(month.reactivated(), move);
            }
        }
        for (LifecycleMovements.Movement move : movements.won(start, end)) {
            Month month = months.get(move.month());
            if (month != null) {
                add(month.won(), move);
            }
        }
        return new Report(from.toString(), to.toString(), new ArrayList<>(months.values()));
    }

    private static Map<String, Long> empty() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Cluster cluster : Cluster.values()) {
            counts.put(cluster.name(), 0L);
        }
        counts.put(PortfolioDimension.NONE, 0L);
        counts.put("TOTAL", 0L);
        return counts;
    }

    private static void add(Map<String, Long> counts, LifecycleMovements.Movement move) {
        counts.merge(counts.containsKey(move.clusterBefore()) ? move.clusterBefore() : PortfolioDimension.NONE, move.clients(), Long::sum);
        counts.merge("TOTAL", move.clients(), Long::sum);
    }
}
