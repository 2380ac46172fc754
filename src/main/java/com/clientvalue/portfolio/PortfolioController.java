package com.clientvalue.portfolio;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.common.BusinessDate;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

@Secured({Roles.ANALYST, Roles.CRM})
@StandardProblems
@Controller("/api/portfolio")
@Tag(name = "Portfolio")
@ExecuteOn(TaskExecutors.BLOCKING)
class PortfolioController {
    private final PortfolioSummarizer summarizer;
    private final PortfolioMatrices matrices;
    private final Clock clock;

    PortfolioController(PortfolioSummarizer summarizer, PortfolioMatrices matrices, Clock clock) {
        this.summarizer = summarizer;
        this.matrices = matrices;
        this.clock = clock;
    }

    @Get("/summary")
    @Operation(summary = "Clients and revenue per cluster and per ABC class",
            description = "Every stored client is evaluated with the active rules as of asOf (default today, UTC); nothing "
                    + "is audited. revenue12m is summed as in the client facts; the ABC cut-offs used are included.")
    PortfolioSummary summary(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return summarizer.summarize(asOf != null ? asOf : LocalDate.now(clock));
    }

    @Get(value = "/summary.csv", produces = AnalyticsController.CSV)
    @Operation(summary = "The summary as CSV: one line per dimension (CLUSTER, ABC_CLASS, LIFECYCLE, EXPERIENCE) and segment")
    HttpResponse<String> summaryCsv(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return AnalyticsController.csv(PortfolioCsv.summary(summary(asOf)));
    }

    @Get("/matrices")
    @Operation(summary = "Matrix views: potential x revenue, expectation x experience, risk x opportunity, margin x revenue",
            description = "Every stored client is evaluated with the active rules as of asOf (default today, UTC); nothing is "
                    + "audited. Each cell gives the number of clients and the sums of their revenue12m and margin12m. potential-revenue: the "
                    + "potential and revenue levels the cluster tables decided (their cells are the clusters); "
                    + "expectation-experience: the scores (1-5) of the latest survey up to asOf; risk-opportunity: the bands of "
                    + "the latest assessment up to asOf (rules/assessment); margin-revenue: the ABC class by margin12m (rows; NONE: no "
                    + "imported margin) against the ABC class by revenue12m (columns), so that a high revenue on a thin margin "
                    + "(revenue A, margin C) stands out. NONE: no survey, no assessment or no level decided.")
    PortfolioMatrices.Matrices matrices(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return matrices.compute(asOf != null ? asOf : LocalDate.now(clock));
    }

    @Get(value = "/matrices.csv", produces = AnalyticsController.CSV)
    @Operation(summary = "The matrix views as CSV: one line per matrix and cell")
    HttpResponse<String> matricesCsv(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return AnalyticsController.csv(PortfolioCsv.matrices(matrices(asOf)));
    }
}
