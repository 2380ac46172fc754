package com.clientvalue.portfolio;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.common.BusinessDate;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import com.clientvalue.common.PlainAmount;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

@Secured(Roles.ANALYST)
@StandardProblems
@Controller("/api/portfolio")
@Tag(name = "Portfolio")
@ExecuteOn(TaskExecutors.BLOCKING)
class BudgetController {
    private final BudgetPlanner planner;
    private final Clock clock;

    BudgetController(BudgetPlanner planner, Clock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    /** The commercial budget to split, and the date the clusters are decided as of (default today). */
    @Serdeable
    record BudgetRequest(@NotNull @DecimalMin("0") @DecimalMax("1000000000000") @Serdeable.Deserializable(using = PlainAmount.class) BigDecimal total, @Nullable @BusinessDate LocalDate asOf) {
    }

    @Post("/budget")
    @Operation(summary = "Split a commercial budget over the clusters and their clients",
            description = "budget(cluster) = total × weight(cluster) × clients(cluster) / Σ weight × clients; perClient = "
                    + "budget(cluster) / clients(cluster). Weights come from rules/budget/segment-weights.csv of the active "
                    + "version; clusters are those every client gets as of asOf (nothing is audited). Cents are distributed "
                    + "so that the segments add up to the total exactly.")
    BudgetAllocation allocate(@Body @Valid BudgetRequest request) {
        return allocation(request);
    }

    @Get(value = "/budget.csv", produces = AnalyticsController.CSV)
    @Operation(summary = "The budget split as CSV (cluster,clients,weight,share,budget,per_client)")
    HttpResponse<String> allocateCsv(@QueryValue @NotNull @DecimalMin("0") @DecimalMax("1000000000000") BigDecimal total,
                                     @Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return AnalyticsController.csv(PortfolioCsv.budget(allocation(new BudgetRequest(total, asOf))));
    }

    private BudgetAllocation allocation(BudgetRequest request) {
        return planner.allocate(request.total(), request.asOf() != null ? request.asOf() : LocalDate.now(clock));
    }
}
