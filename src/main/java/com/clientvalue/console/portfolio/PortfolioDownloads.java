package com.clientvalue.console.portfolio;

import com.clientvalue.client.AbcClass;
import com.clientvalue.console.client.AsOf;
import com.clientvalue.portfolio.PortfolioAnalytics;
import com.clientvalue.portfolio.PortfolioCsv;
import com.clientvalue.portfolio.PortfolioMatrices;
import com.clientvalue.portfolio.PortfolioMetric;
import com.clientvalue.portfolio.PortfolioSummarizer;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;

/**
 * The portfolio's CSV files for a person signed in to the console (the API's {@code *.csv} want a
 * bearer token): the same use cases, the same files, through {@link PortfolioCsv}.
 */
@Hidden
@Controller("/console/portfolio")
@Secured({Roles.ANALYST, Roles.CRM})
@ExecuteOn(TaskExecutors.BLOCKING)
class PortfolioDownloads {
    static final String CSV = "text/csv";
    private final PortfolioSummarizer summarizer;
    private final PortfolioMatrices matrices;
    private final PortfolioAnalytics analytics;
    private final com.clientvalue.portfolio.PortfolioNeeds needs;
    private final Clock clock;

    PortfolioDownloads(PortfolioSummarizer summarizer, PortfolioMatrices matrices, PortfolioAnalytics analytics,
                       com.clientvalue.portfolio.PortfolioNeeds needs, Clock clock) {
        this.needs = needs;
        this.summarizer = summarizer;
        this.matrices = matrices;
        this.analytics = analytics;
        this.clock = clock;
    }

    @Get(value = "/summary.csv", produces = CSV)
    HttpResponse<String> summary(@Nullable @QueryValue String asOf) {
        return download(PortfolioCsv.summary(summarizer.summarize(AsOf.of(asOf, clock).date())));
    }

    @Get(value = "/matrices.csv", produces = CSV)
    HttpResponse<String> matrices(@Nullable @QueryValue String asOf) {
        return download(PortfolioCsv.matrices(matrices.compute(AsOf.of(asOf, clock).date())));
    }

    @Get(value = "/needs.csv", produces = CSV)
    HttpResponse<String> needs(@Nullable @QueryValue String asOf) {
        return download(PortfolioCsv.needs(needs.compute(AsOf.of(asOf, clock).date())));
    }

    @Get(value = "/abc.csv", produces = CSV)
    HttpResponse<String> pyramid(@Nullable @QueryValue String asOf, @QueryValue(defaultValue = "REVENUE") PortfolioMetric by,
                                 @Nullable @QueryValue AbcClass abcClass) {
        return download(PortfolioCsv.pyramid(analytics.pyramid(by, AsOf.of(asOf, clock).date()), abcClass));
    }

    @Get(value = "/concentration.csv", produces = CSV)
    HttpResponse<String> concentration(@Nullable @QueryValue String asOf, @QueryValue(defaultValue = "REVENUE") PortfolioMetric by) {
        return download(PortfolioCsv.concentration(analytics.concentration(by, AsOf.of(asOf, clock).date())));
    }

    static HttpResponse<String> download(PortfolioCsv.Export export) {
        return HttpResponse.ok(export.body()).contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"");
    }
}
