package com.clientvalue.portfolio;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.common.BusinessDate;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import com.clientvalue.client.AbcClass;
import com.clientvalue.decision.Cluster;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Secured({Roles.ANALYST, Roles.CRM})
@StandardProblems
@Controller("/api/portfolio")
@Tag(name = "Portfolio")
@ExecuteOn(TaskExecutors.BLOCKING)
class AnalyticsController {
    static final String CSV = "text/csv";
    private final PortfolioAnalytics analytics;
    private final SegmentAnalysis segments;
    private final PortfolioNeeds needs;
    private final PortfolioReferrals referrals;
    private final PortfolioChurn churn;
    private final PortfolioProductCategories productCategories;
    private final Clock clock;

    AnalyticsController(PortfolioAnalytics analytics, SegmentAnalysis segments, PortfolioNeeds needs, PortfolioReferrals referrals,
                        PortfolioChurn churn, PortfolioProductCategories productCategories, Clock clock) {
        this.productCategories = productCategories;
        this.churn = churn;
        this.referrals = referrals;
        this.needs = needs;
        this.analytics = analytics;
        this.segments = segments;
        this.clock = clock;
    }

    @Get("/needs")
    @Operation(summary = "What clients say they need: the needs open on a date per category, with their clients per cluster",
            description = "A need is open from its stated date until the day it was closed (imported or posted by the CRM: "
                    + "POST /api/imports/needs, POST /api/clients/{clientId}/needs). Every client with an open need is evaluated "
                    + "with the active rules as of asOf (default today, UTC), nothing audited, to split the clients by cluster.")
    PortfolioNeeds.Report needs(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return needs.compute(asOf != null ? asOf : LocalDate.now(clock));
    }

    @Get("/product-categories")
    @Operation(summary = "The portfolio by product category: the pyramid of categories, who buys them per cluster, the cross-sell gap",
            description = "From the optional product_category of the order lines (POST /api/imports/orders), lines of positive amount "
                    + "in the 12 months up to asOf (default today, UTC). Categories are ranked by revenue with their ABC class "
                    + "(the clients' cut-offs); byCluster gives, per cluster, the clients that bought the category and their share "
                    + "of the cluster's clients (every client evaluated with the active rules, nothing audited). A cluster's priority "
                    + "categories are those at least minShare (0-1, default 0.5) of its clients buy; crossSellGap lists the key "
                    + "clients' priority categories that clients to develop buy less, with how many of them do not buy it.")
    PortfolioProductCategories.Report productCategories(@Nullable @QueryValue @BusinessDate LocalDate asOf,
            @QueryValue(defaultValue = "0.5") @jakarta.validation.constraints.DecimalMin("0.01")
            @jakarta.validation.constraints.DecimalMax("1") BigDecimal minShare) {
        return productCategories.compute(asOf != null ? asOf : LocalDate.now(clock), minShare);
    }

    @Get(value = "/needs.csv", produces = CSV)
    @Operation(summary = "The open needs per category as CSV (category,needs,clients,oldest_days and clients per cluster)")
    HttpResponse<String> needsCsv(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return csv(PortfolioCsv.needs(needs(asOf)));
    }

    @Get("/referrals")
    @Operation(summary = "Clients won by referral: how many, their revenue and clusters, and who referred most",
            description = "Referrals are recorded by import (POST /api/imports/referrals) or by the CRM "
                    + "(PUT /api/clients/{clientId}/referral). Every referred client is evaluated with the active rules as of asOf "
                    + "(default today, UTC), nothing audited, for its cluster.")
    PortfolioReferrals.Report referrals(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return referrals.compute(asOf != null ? asOf : LocalDate.now(clock));
    }

    @Get("/churn")
    @Operation(summary = "Churn and reactivation per month: clients lost, gone inactive, reactivated and won, per cluster",
            description = "from and to are months (YYYY-MM, both included; default: the 12 months up to this one, at most 120). Lost, "
                    + "inactive and reactivated count the clients whose audited decisions of that month's business dates changed "
                    + "lifecycle state, by the cluster of the decision before; won counts the clients whose first order falls in "
                    + "the month, by the cluster of their latest decision.")
    PortfolioChurn.Report churn(@Nullable @QueryValue @jakarta.validation.constraints.Pattern(regexp = "\\d{4}-\\d{2}",
                                        message = "must be a month in the form YYYY-MM, e.g. 2011-05") String from,
                                @Nullable @QueryValue @jakarta.validation.constraints.Pattern(regexp = "\\d{4}-\\d{2}",
                                        message = "must be a month in the form YYYY-MM, e.g. 2011-05") String to) {
        java.time.YearMonth last = to != null ? month("to", to) : java.time.YearMonth.now(clock);
        java.time.YearMonth first = from != null ? month("from", from) : last.minusMonths(11);
        if (first.isAfter(last) || first.plusMonths(119).isBefore(last)) {
            throw new com.clientvalue.client.InvalidInput("from", "the period " + first + " to " + last
                    + " must start no later than it ends and span at most 120 months");
        }
        return churn.compute(first, last);
    }

    private static java.time.YearMonth month(String parameter, String text) {
        try {
            return java.time.YearMonth.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new com.clientvalue.client.InvalidInput(parameter, "'" + text + "' is not a month (YYYY-MM, month 01 to 12)");
        }
    }

    @Get("/segments")
    @Operation(summary = "Value and relationship indicators per cluster: retention, customer lifetime value, satisfaction, "
            + "complaints per client, repeat-purchase rate",
            description = "retention r of a cluster comes from the clients who bought in the 12 months before the window, grouped by the cluster they had then, and is the share of them who bought again in the window; clv = max(margin12m, 0) × r / (1 + d − r). The formulas, with their reasons, are in the project's src/docs/formulas.md (Portfolio figures).")
    SegmentIndicators segments(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return segments.analyse(date(asOf));
    }

    /** One page of the clients' lifetime values, highest first. */
    @Serdeable
    record ClientValuePage(LocalDate asOf, String ruleVersion, String clvFormula, List<SegmentAnalysis.ClientValue> items,
                           int page, int size, long totalItems) {
    }

    @Get("/clv")
    @Operation(summary = "Customer lifetime value per client, highest first (paginated; cluster filters)",
            description = "clv = max(margin12m, 0) × r / (1 + d − r) with r the retention of the client's cluster (see "
                    + "/api/portfolio/segments) and margin12m the sum of the imported margins of its orders of the last 12 "
                    + "months (total × portfolio.clv.margin-rate for an order without one). Ties by client_id.")
    ClientValuePage clientValues(@Nullable @QueryValue @BusinessDate LocalDate asOf, @Nullable @QueryValue Cluster cluster,
                                 @QueryValue(defaultValue = "0") @Min(0) int page,
                                 @QueryValue(defaultValue = "100") @Min(1) @Max(10_000) int size) {
        SegmentAnalysis.Analysis analysis = segments.analysis(date(asOf));
        List<SegmentAnalysis.ClientValue> selected = analysis.clients().stream()
                .filter(c -> cluster == null || c.cluster() == cluster).toList();
        return new ClientValuePage(analysis.indicators().asOf(), analysis.indicators().ruleVersion(), SegmentIndicators.CLV_FORMULA,
                selected.stream().skip((long) page * size).limit(size).toList(), page, size, selected.size());
    }

    @Get(value = "/clv.csv", produces = CSV)
    @Operation(summary = "Every client's lifetime value as CSV (client_id,cluster,margin12m,retention,clv), highest first")
    HttpResponse<String> clientValuesCsv(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        SegmentAnalysis.Analysis analysis = segments.analysis(date(asOf));
        return csv("clv-" + analysis.indicators().asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("client_id", "cluster", "margin12m", "retention", "clv"),
                analysis.clients().stream().map(c -> List.<Object>of(c.clientId(), c.cluster().name(), plain(c.margin12m()),
                        plain(c.retention()), plain(c.clv()))).toList()));
    }

    /** The pyramid's classes and one page of its ranked clients (of one class when asked). */
    @Serdeable
    record PyramidPage(LocalDate asOf, PortfolioMetric by, long clients, BigDecimal positiveTotal,
                       List<ParetoAnalysis.ClassFigures> classes, List<ParetoAnalysis.RankedClient> items, int page, int size,
                       long totalItems, MetricCoverage coverage) {
    }

    @Get("/abc")
    @Operation(summary = "Customer pyramid (ABC) by revenue, margin or number of orders, with the ranked clients (paginated)",
            description = "by: REVENUE, MARGIN (the imported order margins) or ORDERS over the 12 months to asOf; A up to 80 % of the positive total, B up to 95 %, else C. coverage says how many orders carry the metric; by=MARGIN with no imported margin gives no classes (coverage.usable false, with a note). abcClass filters the items. The formulas, with their reasons, are in the project's src/docs/formulas.md (Portfolio figures).")
    PyramidPage pyramid(@Nullable @QueryValue @BusinessDate LocalDate asOf, @QueryValue(defaultValue = "REVENUE") PortfolioMetric by,
                        @Nullable @QueryValue AbcClass abcClass, @QueryValue(defaultValue = "0") @Min(0) int page,
                        @QueryValue(defaultValue = "100") @Min(1) @Max(10_000) int size) {
        ParetoAnalysis analysis = analytics.pyramid(by, date(asOf));
        List<ParetoAnalysis.RankedClient> selected = analysis.ranking().stream()
                .filter(c -> abcClass == null || c.abcClass() == abcClass).toList();
        List<ParetoAnalysis.RankedClient> items = selected.stream().skip((long) page * size).limit(size).toList();
        return new PyramidPage(analysis.asOf(), by, analysis.clients(), analysis.positiveTotal(), analysis.classes(), items, page,
                size, selected.size(), analysis.coverage());
    }

    @Get(value = "/abc.csv", produces = CSV)
    @Operation(summary = "Every ranked client of the customer pyramid as CSV (rank,client_id,value,share_before,abc_class)",
            description = "abcClass keeps the clients of one class (as /api/portfolio/abc filters its items).")
    HttpResponse<String> pyramidCsv(@Nullable @QueryValue @BusinessDate LocalDate asOf,
                                    @QueryValue(defaultValue = "REVENUE") PortfolioMetric by, @Nullable @QueryValue AbcClass abcClass) {
        return csv(PortfolioCsv.pyramid(analytics.pyramid(by, date(asOf)), abcClass));
    }

    @Get(value = "/segments.csv", produces = CSV)
    @Operation(summary = "The per-cluster indicators as CSV")
    HttpResponse<String> segmentsCsv(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        SegmentIndicators report = segments.analyse(date(asOf));
        return csv("segments-" + report.asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("cluster", "clients", "revenue12m", "retention", "clv_total", "clv_per_client", "satisfaction", "surveyed",
                        "complaints_per_client", "repeat_purchase_rate"),
                report.segments().stream().map(s -> List.<Object>of(s.cluster().name(), s.clients(), plain(s.revenue12m()),
                        plain(s.retention()), plain(s.clvTotal()), plain(s.clvPerClient()), plain(s.satisfaction()), s.surveyed(),
                        plain(s.complaintsPerClient()), plain(s.repeatPurchaseRate()))).toList()));
    }

    @Get("/concentration")
    @Operation(summary = "Lorenz curve (101 points) and Gini coefficient of revenue, margin or orders over the clients",
            description = "Values below 0 count as 0. coverage says how many orders of the window carry the metric; by=MARGIN with no imported margin gives no curve and a null gini (coverage.usable false, with a note). The formulas, with their reasons, are in the project's src/docs/formulas.md (Portfolio figures).")
    Concentration concentration(@Nullable @QueryValue @BusinessDate LocalDate asOf, @QueryValue(defaultValue = "REVENUE") PortfolioMetric by) {
        return analytics.concentration(by, date(asOf));
    }

    @Get(value = "/concentration.csv", produces = CSV)
    @Operation(summary = "The Lorenz curve as CSV (client_share,value_share)")
    HttpResponse<String> concentrationCsv(@Nullable @QueryValue @BusinessDate LocalDate asOf,
                                          @QueryValue(defaultValue = "REVENUE") PortfolioMetric by) {
        return csv(PortfolioCsv.concentration(analytics.concentration(by, date(asOf))));
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private LocalDate date(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    static HttpResponse<String> csv(PortfolioCsv.Export export) {
        return csv(export.filename(), export.body());
    }

    static HttpResponse<String> csv(String filename, String body) {
        return HttpResponse.ok(body).contentType(CSV).header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
