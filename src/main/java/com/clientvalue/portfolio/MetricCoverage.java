package com.clientvalue.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * How much of the 12-month window an analysis by a metric actually rests on. Revenue and order
 * counts exist for every order; a margin only where it was imported. Without any, a ranking by
 * margin would put every client in C with a Gini of 0, which reads as a fact: the analysis is
 * withheld and the note says why. With some missing, the note says how many count as 0.
 */
@Serdeable
public record MetricCoverage(long ordersInWindow, long ordersWithValue, boolean usable, @Nullable String note) {

    static MetricCoverage of(PortfolioMetric by, LocalDate asOf, long orders, long withValue) {
        if (by != PortfolioMetric.MARGIN || orders == withValue) {
            return new MetricCoverage(orders, withValue, true, null);
        }
        if (withValue == 0) {
            return new MetricCoverage(orders, 0, false, "none of the " + orders + " orders from " + asOf.minusDays(364) + " to "
                    + asOf + " has a margin, so no ranking by margin can be made: import the orders with their margin column "
                    + "(see the order import), or rank by REVENUE or ORDERS");
        }
        return new MetricCoverage(orders, withValue, true, (orders - withValue) + " of the " + orders + " orders from "
                + asOf.minusDays(364) + " to " + asOf + " have no margin and count as 0");
    }
}
