package com.clientvalue.portfolio;

/**
 * What a portfolio analysis ranks clients by, over the 12-month window up to asOf:
 * REVENUE = sum of order totals (credit notes included), ORDERS = orders with a positive total.
 */
public enum PortfolioMetric {
    REVENUE("COALESCE(SUM(o.total), 0)"),
    ORDERS("COUNT(CASE WHEN o.total > 0 THEN 1 END)");

    final String sql;

    PortfolioMetric(String sql) {
        this.sql = sql;
    }
}
