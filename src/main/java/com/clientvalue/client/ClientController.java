package com.clientvalue.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;

@Controller("/api/clients")
@Tag(name = "Clients")
@ExecuteOn(TaskExecutors.BLOCKING)
class ClientController {
    private final FactsLoader facts;
    private final Clock clock;

    ClientController(FactsLoader facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Get("/{clientId}")
    @Operation(summary = "A client with its derived facts as of a date",
            description = "asOf defaults to today (UTC). revenue12m = sum of order totals with asOf - order_date < 365 days "
                    + "and order_date <= asOf, credit notes included; orders12m = orders in that window with a positive total; "
                    + "first/lastOrderDate = min/max date of orders with a positive total up to asOf; abcClass = Pareto class of "
                    + "revenue12m in the whole portfolio (A while the share of revenue ranked before the client is < 80%, B < 95%, "
                    + "else C; revenue12m <= 0 is C).")
    ClientFacts client(@PathVariable String clientId, @Nullable @QueryValue LocalDate asOf) {
        return facts.load(clientId, asOf != null ? asOf : LocalDate.now(clock));
    }
}
