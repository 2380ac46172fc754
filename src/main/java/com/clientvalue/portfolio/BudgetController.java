package com.clientvalue.portfolio;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.common.BusinessDate;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.PortfolioEvaluator;
import com.clientvalue.rules.ActiveRuleBase;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@Secured(Roles.ANALYST)
@StandardProblems
@Controller("/api/portfolio")
@Tag(name = "Portfolio")
@ExecuteOn(TaskExecutors.BLOCKING)
class BudgetController {
    private final PortfolioEvaluator evaluator;
    private final ActiveRuleBase rules;
    private final BudgetWeights weights;
    private final Clock clock;

    BudgetController(PortfolioEvaluator evaluator, ActiveRuleBase rules, BudgetWeights weights, Clock clock) {
        this.evaluator = evaluator;
        this.rules = rules;
        this.weights = weights;
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
        BudgetAllocation allocation = allocation(new BudgetRequest(total, asOf));
        return AnalyticsController.csv("budget-" + allocation.asOf() + ".csv", SpreadsheetSafeCsv.write(
                List.of("cluster", "clients", "weight", "share", "budget", "per_client"),
                allocation.segments().stream().map(s -> List.<Object>of(s.cluster().name(), s.clients(), s.weight().toPlainString(),
                        s.share().toPlainString(), s.budget().toPlainString(), s.perClient().toPlainString())).toList()));
    }

    private BudgetAllocation allocation(BudgetRequest request) {
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(clock);
        Map<Cluster, Long> clients = new EnumMap<>(Cluster.class);
        String version = evaluator.evaluateAll(asOf, (facts, evaluation) -> {
            if (evaluation.outcome().cluster() != null) {
                clients.merge(evaluation.outcome().cluster(), 1L, Long::sum);
            }
        });
        return BudgetAllocation.of(asOf, version, request.total(), clients, weights.of(rules.compiled(version)));
    }
}
