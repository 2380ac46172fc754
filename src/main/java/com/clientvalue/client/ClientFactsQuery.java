package com.clientvalue.client;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that derives a client's figures as of a date. The 12-month window holds orders with
 * asOf - order_date < 365 days and order_date <= asOf; the complaint window 90 days likewise. The
 * margin is the sum of the margins imported with the window's orders (SQL's SUM: null when none has one).
 */
final class ClientFactsQuery {
    static final int REVENUE_WINDOW_DAYS = 365;
    static final int COMPLAINT_WINDOW_DAYS = 90;

    static final String SELECT = """
            SELECT c.client_id, c.name, c.country, c.sector, c.company_type, c.employees, c.potential, c.loss_reason,
                   SUM(CASE WHEN o.order_date > ? THEN o.total END) AS revenue12m,
                   SUM(CASE WHEN o.order_date > ? THEN o.margin END) AS margin12m,
                   COUNT(CASE WHEN o.order_date > ? AND o.total > 0 THEN 1 END) AS orders12m,
                   GROUP_CONCAT(DISTINCT CASE WHEN o.total > 0 THEN o.order_date END ORDER BY o.order_date SEPARATOR ',') AS order_dates,
                   (SELECT CONCAT_WS(CHAR(31), COUNT(*), COALESCE(MAX(k.severity), ''),
                           GROUP_CONCAT(DISTINCT k.category ORDER BY k.category SEPARATOR '\u001F')) FROM complaint k
                     WHERE k.client_id = c.client_id AND k.complaint_date > ? AND k.complaint_date <= ?) AS complaints90d,
                   (SELECT CONCAT(s.survey_date, ',', s.expectation, ',', s.experience) FROM survey s
                     WHERE s.client_id = c.client_id AND s.survey_date <= ? ORDER BY s.survey_date DESC LIMIT 1) AS latest_survey,
                   (SELECT CONCAT_WS(',', a.assessed_on, a.competition_risk, a.competition_opportunity, a.service_level_risk,
                           a.service_level_opportunity, a.knowledge_risk, a.knowledge_opportunity, a.product_risk,
                           a.product_opportunity, a.people_risk, a.people_opportunity)
                      FROM assessment a WHERE a.client_id = c.client_id AND a.assessed_on <= ?
                     ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) AS latest_assessment,
                   (SELECT CONCAT_WS(CHAR(31), COUNT(*), MIN(n.stated_on),
                           GROUP_CONCAT(DISTINCT n.category ORDER BY n.category SEPARATOR '\u001F'))
                      FROM client_need n WHERE n.client_id = c.client_id AND n.stated_on <= ?
                       AND (n.closed_on IS NULL OR n.closed_on > ?)) AS open_needs,
                   (SELECT r.referred_by FROM referral r WHERE r.client_id = c.client_id AND r.referred_on <= ?) AS referred_by,
                   (SELECT CONCAT_WS(CHAR(31), COUNT(CASE WHEN r.referred_on > ? THEN 1 END), MAX(r.referred_on)) FROM referral r
                     WHERE r.referred_by = c.client_id AND r.referred_on <= ?) AS referrals_made,
                   (SELECT CONCAT_WS(CHAR(31), SUM(CASE WHEN p.due_on < ? AND (p.paid_on IS NULL OR p.paid_on > ?) THEN p.amount ELSE 0 END),
                           MAX(CASE WHEN p.due_on > ? THEN GREATEST(DATEDIFF(LEAST(COALESCE(p.paid_on, ?), ?), p.due_on), 0) END))
                      FROM payment p WHERE p.client_id = c.client_id AND p.due_on <= ?) AS payments,
                   (SELECT SUM(p.amount) FROM payment p WHERE p.client_id = c.client_id AND p.paid_on > ? AND p.paid_on <= ?) AS cash12m,
                   (SELECT GROUP_CONCAT(DISTINCT l.product_category ORDER BY l.product_category SEPARATOR '\u001F')
                      FROM customer_order o2 JOIN order_line l ON l.order_id = o2.order_id
                     WHERE o2.client_id = c.client_id AND o2.order_date > ? AND o2.order_date <= ? AND l.amount > 0
                       AND l.product_category IS NOT NULL) AS product_categories
              FROM client c
              LEFT JOIN customer_order o ON o.client_id = c.client_id AND o.order_date <= ?
            """;
    /**
     * The portfolio's revision, read in the statement that reads the facts (one round trip less per
     * decision, and the revision of the very data read): which ABC cut-offs apply.
     */
    static final String SELECT_WITH_REVISION = withRevision(SELECT);
    static final String GROUP = " GROUP BY c.client_id, c.name, c.country, c.sector, c.company_type, c.employees, c.potential, c.loss_reason";

    private ClientFactsQuery() {
    }

    private static String withRevision(String select) {
        String from = "\n  FROM client c";
        if (!select.contains(from)) {
            throw new IllegalStateException("the facts query has no FROM client c line");
        }
        return select.replace(from, ",\n       (SELECT revision FROM portfolio_revision WHERE id = 1) AS portfolio_revision" + from);
    }

    /** The revenue window is (asOf - 365 days, asOf]. */
    static LocalDate windowStart(LocalDate asOf) {
        return asOf.minusDays(REVENUE_WINDOW_DAYS);
    }

    /** Binds the date parameters of {@link #SELECT}; returns the next parameter index. */
    static int bindDates(PreparedStatement statement, LocalDate asOf) throws SQLException {
        Date start = Date.valueOf(windowStart(asOf));
        Date date = Date.valueOf(asOf);
        statement.setDate(1, start);
        statement.setDate(2, start);
        statement.setDate(3, start);
        statement.setDate(4, Date.valueOf(asOf.minusDays(COMPLAINT_WINDOW_DAYS)));
        statement.setDate(5, date);
        statement.setDate(6, date);
        statement.setDate(7, date);
        statement.setDate(8, date);
        statement.setDate(9, date);
        statement.setDate(10, date);
        statement.setDate(11, start);
        statement.setDate(12, date);
        // the payments: overdue before asOf, unpaid on asOf, late since the window's start, up to asOf
        statement.setDate(13, date);
        statement.setDate(14, date);
        statement.setDate(15, start);
        statement.setDate(16, date);
        statement.setDate(17, date);
        statement.setDate(18, date);
        // the cash collected: invoices paid in the window
        statement.setDate(19, start);
        statement.setDate(20, date);
        // the product categories bought in the window
        statement.setDate(21, start);
        statement.setDate(22, date);
        statement.setDate(23, date);
        return 24;
    }

    static ClientFacts read(ResultSet row, LocalDate asOf, PortfolioRanking.Ranking ranking) throws SQLException {
        String clientId = row.getString("client_id");
        BigDecimal revenue = Money.normalize(row.getBigDecimal("revenue12m"));
        BigDecimal storedMargin = row.getBigDecimal("margin12m");
        BigDecimal margin = storedMargin == null ? null : Money.normalize(storedMargin);
        List<LocalDate> dates = OrderRhythm.parse(row.getString("order_dates"));
        LocalDate first = dates.isEmpty() ? null : dates.get(0);
        LocalDate last = dates.isEmpty() ? null : dates.get(dates.size() - 1);
        Integer daysSinceLast = last == null ? null : (int) ChronoUnit.DAYS.between(last, asOf);
        BigDecimal median = OrderRhythm.medianIntervalDays(dates);
        String[] assessment = row.getString("latest_assessment") == null ? null : row.getString("latest_assessment").split(",");
        // count, worst severity (empty when none is given), categories, separated by the unit separator
        String complaintText = row.getString("complaints90d");
        String[] complaints = complaintText == null ? null : complaintText.split("\u001F", -1);
        if (complaints != null && complaints[0].equals("0")) {
            complaints = null;
        }
        // referrals this client made: how many in the 12 months, and the date of the latest (none: no row, or a count of 0 and no date)
        String referralText = row.getString("referrals_made");
        String[] referrals = referralText == null ? null : referralText.split("\u001F");
        if (referrals != null && referrals.length < 2) {
            referrals = null;
        }
        // invoices due up to asOf: the amount overdue and unpaid then, and the most days late of those due in the 12 months
        String paymentText = row.getString("payments");
        String productCategories = row.getString("product_categories");
        BigDecimal cash = row.getBigDecimal("cash12m") == null ? null : Money.normalize(row.getBigDecimal("cash12m"));
        String[] payments = paymentText == null || paymentText.isEmpty() ? null : paymentText.split("\u001F");
        // count, oldest date, categories: separated by the unit separator (a category has no control character)
        String openNeeds = row.getString("open_needs");
        String[] needs = openNeeds == null || openNeeds.equals("0") ? null : openNeeds.split("\u001F");
        String[] survey = row.getString("latest_survey") == null ? null : row.getString("latest_survey").split(",");
        return new ClientFacts(
                clientId,
                asOf,
                row.getString("name"),
                row.getString("country"),
                row.getString("sector"),
                row.getString("company_type"),
                row.getObject("employees", Integer.class),
                row.getObject("potential", Integer.class),
                revenue,
                row.getInt("orders12m"),
                first,
                last,
                daysSinceLast,
                first == null ? null : (int) ChronoUnit.DAYS.between(first, asOf),
                median,
                OrderRhythm.silenceRatio(daysSinceLast, median),
                ranking.revenue().classify(clientId, revenue),
                margin,
                marginPercent(margin, revenue),
                margin == null ? null : ranking.margin().classify(clientId, margin),
                row.getString("loss_reason"),
                survey == null ? null : LocalDate.parse(survey[0]),
                survey == null ? null : Integer.valueOf(survey[1]),
                survey == null ? null : Integer.valueOf(survey[2]),
                complaints == null ? 0 : Integer.parseInt(complaints[0]),
                assessment == null ? null : (int) ChronoUnit.DAYS.between(LocalDate.parse(assessment[0]), asOf),
                assessment == null ? List.of() : ratings(assessment),
                needs == null ? 0 : Integer.parseInt(needs[0]),
                needs == null ? null : (int) ChronoUnit.DAYS.between(LocalDate.parse(needs[1]), asOf),
                needs == null || needs.length < 3 ? List.of() : List.of(java.util.Arrays.copyOfRange(needs, 2, needs.length)),
                complaints == null || complaints[1].isEmpty() ? null : Integer.valueOf(complaints[1]),
                complaints == null || complaints.length < 3 ? List.of() : List.of(java.util.Arrays.copyOfRange(complaints, 2, complaints.length)),
                row.getString("referred_by"),
                referrals == null ? 0 : Integer.parseInt(referrals[0]),
                referrals == null ? null : (int) ChronoUnit.DAYS.between(LocalDate.parse(referrals[1]), asOf),
                payments == null ? null : Money.normalize(new BigDecimal(payments[0])),
                payments == null || payments.length < 2 ? null : Integer.valueOf(payments[1]),
                cash,
                cash == null ? null : ranking.cash().classify(clientId, cash),
                productCategories == null ? List.of() : List.of(productCategories.split("\u001F")),
                productCategories == null ? null : productCategories.split("\u001F").length);
    }

    /** margin12m as a percentage of revenue12m, 2 decimals half up; null without a margin or a positive revenue. */
    static BigDecimal marginPercent(BigDecimal margin, BigDecimal revenue) {
        if (margin == null || revenue.signum() <= 0) {
            return null;
        }
        return margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 2, java.math.RoundingMode.HALF_UP);
    }

    /** The columns of the latest assessment, in {@link Dimension} order after the date: risk, opportunity. */
    private static List<DimensionRating> ratings(String[] assessment) {
        List<DimensionRating> ratings = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            int at = 1 + 2 * dimension.ordinal();
            ratings.add(new DimensionRating(dimension, Integer.parseInt(assessment[at]), Integer.parseInt(assessment[at + 1])));
        }
        return List.copyOf(ratings);
    }
}
