package com.clientvalue.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the rules may read about a client as of a date: stored data, figures derived from
 * its orders, surveys and complaints, and its place in the portfolio. An immutable input: rules
 * never change it. "Positive order" below means an order whose total is above zero.
 *
 * @param companyType             the client's company type (its B2B segment, e.g. WHOLESALER, RETAILER) in capitals, as
 *                                imported; null when not known
 * @param revenue12m              sum of the totals of orders dated within 365 days up to asOf, credit notes included
 * @param orders12m               positive orders in that window
 * @param firstOrderDate          earliest positive order up to asOf
 * @param lastOrderDate           latest positive order up to asOf
 * @param daysSinceLastOrder      days from lastOrderDate to asOf; null without a positive order
 * @param daysSinceFirstOrder     days from firstOrderDate to asOf; null without a positive order
 * @param medianOrderIntervalDays median of the days between consecutive distinct dates of positive
 *                                orders up to asOf; null with fewer than 3 such dates
 * @param silenceRatio            daysSinceLastOrder / medianOrderIntervalDays (2 decimals, half up); null without a median
 * @param abcClass                Pareto class of revenue12m in the whole portfolio as of asOf
 * @param margin12m               sum of the margins imported with the orders of that window; null when none has one
 * @param marginPercent           margin12m as a percentage of revenue12m (2 decimals, half up); null without a
 *                                margin or with a revenue12m of 0 or less
 * @param marginClass             Pareto class of margin12m among the clients with a margin, same cut-offs as abcClass
 *                                (0 or less: C); null without a margin
 * @param lossReason              why the client left, when recorded
 * @param latestSurveyDate        date of the latest survey up to asOf
 * @param latestExpectation       its expectation score, 1-5
 * @param latestExperience        its experience score, 1-5
 * @param complaints90d           complaints dated within 90 days up to asOf
 * @param daysSinceAssessment     days since the latest risk / opportunity assessment up to asOf; null without one
 * @param assessmentRatings       the five dimension ratings of that assessment; empty without one
 * @param openNeeds               needs the client stated up to asOf and not closed by then (the wish list)
 * @param oldestOpenNeedDays      days since the oldest of them was stated; null without an open need
 * @param openNeedCategories      their categories, distinct, in alphabetical order; empty without an open need
 * @param worstComplaintSeverity90d the highest severity (1-5) among the complaints of the 90 days; null without a rated one
 * @param complaintCategories90d  the categories of those complaints, distinct, in alphabetical order
 * @param referredBy              the client that referred this one (word of mouth), when recorded up to asOf
 * @param referralsMade12m        clients this one referred in the 12-month window
 * @param daysSinceLastReferral   days since the latest client this one referred, up to asOf; null if it never referred one
 * @param overdueAmount           the amount of the client's invoices due before asOf and unpaid on asOf; null when no invoice
 *                                due by asOf was imported (payments are an optional import)
 * @param maxDaysLate12m          the most days late among the invoices due in the 12-month window (paid late, or still
 *                                unpaid on asOf); null without such an invoice
 * @param cashCollected12m        the amounts of the client's invoices paid in the 12-month window; null when none was
 * @param cashClass               Pareto class of cashCollected12m among the clients with such a payment, same cut-offs as
 *                                abcClass: the ABC on cash collected; null without a payment in the window
 * @param productCategories12m    the product categories of the lines of positive amount of the window's orders, distinct,
 *                                in alphabetical order (the optional product_category of the order import)
 * @param productCategoryCount12m how many those are; null when no such line carries a category (none imported)
 */
@Serdeable
public record ClientFacts(
        String clientId,
        LocalDate asOf,
        String name,
        String country,
        @Nullable String sector,
        @Nullable String companyType,
        @Nullable Integer employees,
        @Nullable Integer potential,
        BigDecimal revenue12m,
        int orders12m,
        @Nullable LocalDate firstOrderDate,
        @Nullable LocalDate lastOrderDate,
        @Nullable Integer daysSinceLastOrder,
        @Nullable Integer daysSinceFirstOrder,
        @Nullable BigDecimal medianOrderIntervalDays,
        @Nullable BigDecimal silenceRatio,
        AbcClass abcClass,
        @Nullable BigDecimal margin12m,
        @Nullable BigDecimal marginPercent,
        @Nullable AbcClass marginClass,
        @Nullable String lossReason,
        @Nullable LocalDate latestSurveyDate,
        @Nullable Integer latestExpectation,
        @Nullable Integer latestExperience,
        int complaints90d,
        @Nullable Integer daysSinceAssessment,
        List<DimensionRating> assessmentRatings,
        int openNeeds,
        @Nullable Integer oldestOpenNeedDays,
        // nullable for the documents of decisions made before needs were facts: read as none
        @Nullable List<String> openNeedCategories,
        @Nullable Integer worstComplaintSeverity90d,
        @Nullable List<String> complaintCategories90d,
        @Nullable String referredBy,
        int referralsMade12m,
        @Nullable Integer daysSinceLastReferral,
        @Nullable BigDecimal overdueAmount,
        @Nullable Integer maxDaysLate12m,
        @Nullable BigDecimal cashCollected12m,
        @Nullable AbcClass cashClass,
        // nullable for the documents of decisions made before categories were facts: read as none
        @Nullable List<String> productCategories12m,
        @Nullable Integer productCategoryCount12m) {

    public ClientFacts {
        openNeedCategories = openNeedCategories == null ? List.of() : List.copyOf(openNeedCategories);
        complaintCategories90d = complaintCategories90d == null ? List.of() : List.copyOf(complaintCategories90d);
        productCategories12m = productCategories12m == null ? List.of() : List.copyOf(productCategories12m);
    }
}
