package com.clientvalue.portfolio;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

@Controller("/api/portfolio")
@Tag(name = "Portfolio")
@ExecuteOn(TaskExecutors.BLOCKING)
class PortfolioController {
    private final PortfolioSummarizer summarizer;
    private final Clock clock;

    PortfolioController(PortfolioSummarizer summarizer, Clock clock) {
        this.summarizer = summarizer;
        this.clock = clock;
    }

    @Get("/summary")
    @Operation(summary = "Clients and revenue per cluster and per ABC class",
            description = "Every stored client is evaluated with the active rules as of asOf (default today, UTC); nothing "
                    + "is audited. revenue12m is summed as in the client facts; the ABC cut-offs used are included.")
    PortfolioSummary summary(@Nullable @QueryValue LocalDate asOf) {
        return summarizer.summarize(asOf != null ? asOf : LocalDate.now(clock));
    }
}
