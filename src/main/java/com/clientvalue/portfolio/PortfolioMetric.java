package com.clientvalue.portfolio;

/**
 * What a portfolio analysis ranks clients by, over the 12-month window up to asOf:
 * REVENUE = sum of order totals (credit notes included), MARGIN = sum of order margins (orders
 * imported without a margin count 0), ORDERS = orders with a positive total, CASH = the amounts of
 * the client's invoices paid in the window (the optional payments import; none imported counts 0).
 */
public enum PortfolioMetric {
    REVENUE("COALESCE(SUM(o.total), 0)"),
    MARGIN("COALESCE(SUM(o.margin), 0)"),
    ORDERS("COUNT(CASE WHEN o.total > 0 THEN 1 END)"),
    CASH(null);

    final String sql;

    PortfolioMetric(String sql) {
        this.sql = sql;
    }
}
