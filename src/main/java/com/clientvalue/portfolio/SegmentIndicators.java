package com.clientvalue.portfolio;

import com.clientvalue.decision.Cluster;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Value and relationship indicators per cluster as of a date (ratios with 6 decimals, amounts with 2):
 * <ul>
 * <li>retention r of a cluster = of the clients who bought in the 12 months before the window and
 *     were in that cluster then (as of asOf − 365 days, active rules), the share who bought again in
 *     the window (null when none was); grouping by today's cluster would make KEY and MAINTAIN 1 by
 *     construction;</li>
 * <li>CLV of a client = max(margin12m, 0) × r / (1 + d − r), margin12m = sum over its orders of the
 *     last 12 months of the imported margin, or of total × marginRate for an order imported without one;</li>
 * <li>satisfaction = mean latest experience score (1-5) of the surveyed clients;</li>
 * <li>complaints per client = complaints in the last 90 days / clients;</li>
 * <li>repeat purchase rate = clients with 2+ orders in 12 months / clients with 1+.</li>
 * </ul>
 */
@Serdeable
public record SegmentIndicators(LocalDate asOf, String ruleVersion, BigDecimal marginRate, BigDecimal discountRate,
                                String clvFormula, List<Segment> segments) {

    static final String CLV_FORMULA = "clv = max(margin12m, 0) × r / (1 + d − r), r = retention of the client's cluster (share of the clients in that cluster "
            + "a year earlier who bought then and bought again in the last 12 months), "
            + "margin12m = sum over the orders of the last 12 months of their imported margin (total × marginRate when an order has none)";

    @Serdeable
    public record Segment(Cluster cluster, long clients, BigDecimal revenue12m, @Nullable BigDecimal retention,
                          BigDecimal clvTotal, BigDecimal clvPerClient, @Nullable BigDecimal satisfaction, long surveyed,
                          BigDecimal complaintsPerClient, @Nullable BigDecimal repeatPurchaseRate) {
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
    }

    static BigDecimal clv(BigDecimal margin12m, BigDecimal retention, BigDecimal discountRate) {
        if (retention == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal margin = margin12m.max(BigDecimal.ZERO);
        return margin.multiply(retention).divide(BigDecimal.ONE.add(discountRate).subtract(retention), 2, RoundingMode.HALF_UP);
    }
}
