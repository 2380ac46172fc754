package com.clientvalue.portfolio;

import com.clientvalue.common.BusinessDate;
import com.clientvalue.common.RefuseUnknownParameters;
import com.clientvalue.common.StandardProblems;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** The clients behind a figure of /api/portfolio/summary or /api/portfolio/matrices, a page at a time or as CSV. */
@Secured({Roles.ANALYST, Roles.CRM})
@StandardProblems
@RefuseUnknownParameters
@Controller("/api/portfolio")
@Tag(name = "Portfolio")
@ExecuteOn(TaskExecutors.BLOCKING)
class PortfolioClientsController {
    static final String DESCRIPTION = "Every stored client is evaluated with the active rules as of asOf (default today, UTC), as "
            + "for the summary and the matrices; nothing is audited. Each parameter given keeps the clients with that value: "
            + "a cell of a matrix is its two axes (potentialLevel=HIGH&revenueLevel=HIGH), a segment of the summary its "
            + "dimension (cluster=KEY, lifecycle=LOST, abcClass=A, experienceSegment=DEVOTED), a loss figure its reason and "
            + "state (lossReason=UNKNOWN&lifecycle=INACTIVE; lossReason counts lost and inactive clients only), a cell of the margin "
            + "matrix marginClass=C&abcClass=A (marginClass NONE: no imported margin). NONE selects "
            + "the clients without a value, as the figures' NONE rows and columns do; no parameter selects every client. "
            + "Highest revenue12m first, ties by client_id. A parameter not listed here is refused (400).";
    private final PortfolioClients clients;
    private final Clock clock;

    PortfolioClientsController(PortfolioClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Get("/clients")
    @Operation(summary = "The clients behind a figure of the summary or the matrices (paginated)", description = DESCRIPTION)
    PortfolioClients.Page clients(@Nullable @QueryValue @BusinessDate LocalDate asOf,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String cluster,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String abcClass,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String lifecycle,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String experienceSegment,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String lossReason,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String potentialLevel,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String revenueLevel,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String latestExpectation,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String latestExperience,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String riskBand,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String opportunityBand,
                                  @Nullable @QueryValue @Size(min = 1, max = 200) String marginClass,
                                  @QueryValue(defaultValue = "0") @Min(0) int page,
                                  @QueryValue(defaultValue = "100") @Min(1) @Max(10_000) int size) {
        ClientSelection selection = selection(cluster, abcClass, lifecycle, experienceSegment, lossReason, potentialLevel,
                revenueLevel, latestExpectation, latestExperience, riskBand, opportunityBand, marginClass);
        return clients.select(date(asOf), selection).page(page, size);
    }

    @Get(value = "/clients.csv", produces = AnalyticsController.CSV)
    @Operation(summary = "Every client behind a figure as CSV (client_id,name,country,cluster,lifecycle,abc_class,revenue12m)",
            description = DESCRIPTION)
    HttpResponse<String> clientsCsv(@Nullable @QueryValue @BusinessDate LocalDate asOf,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String cluster,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String abcClass,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String lifecycle,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String experienceSegment,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String lossReason,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String potentialLevel,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String revenueLevel,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String latestExpectation,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String latestExperience,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String riskBand,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String opportunityBand,
                                    @Nullable @QueryValue @Size(min = 1, max = 200) String marginClass) {
        ClientSelection selection = selection(cluster, abcClass, lifecycle, experienceSegment, lossReason, potentialLevel,
                revenueLevel, latestExpectation, latestExperience, riskBand, opportunityBand, marginClass);
        return AnalyticsController.csv(PortfolioCsv.clients(clients.select(date(asOf), selection)));
    }

    private static ClientSelection selection(String cluster, String abcClass, String lifecycle, String experienceSegment,
                                             String lossReason, String potentialLevel, String revenueLevel,
                                             String latestExpectation, String latestExperience, String riskBand,
                                             String opportunityBand, String marginClass) {
        Map<PortfolioDimension, String> selection = new EnumMap<>(PortfolioDimension.class);
        put(selection, PortfolioDimension.CLUSTER, cluster);
        put(selection, PortfolioDimension.ABC_CLASS, abcClass);
        put(selection, PortfolioDimension.LIFECYCLE, lifecycle);
        put(selection, PortfolioDimension.EXPERIENCE_SEGMENT, experienceSegment);
        put(selection, PortfolioDimension.LOSS_REASON, lossReason);
        put(selection, PortfolioDimension.POTENTIAL_LEVEL, potentialLevel);
        put(selection, PortfolioDimension.REVENUE_LEVEL, revenueLevel);
        put(selection, PortfolioDimension.LATEST_EXPECTATION, latestExpectation);
        put(selection, PortfolioDimension.LATEST_EXPERIENCE, latestExperience);
        put(selection, PortfolioDimension.RISK_BAND, riskBand);
        put(selection, PortfolioDimension.OPPORTUNITY_BAND, opportunityBand);
        put(selection, PortfolioDimension.MARGIN_CLASS, marginClass);
        return new ClientSelection(selection);
    }

    private static void put(Map<PortfolioDimension, String> selection, PortfolioDimension dimension, String value) {
        if (value != null) {
            selection.put(dimension, value);
        }
    }

    private LocalDate date(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
