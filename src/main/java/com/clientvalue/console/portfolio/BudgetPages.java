package com.clientvalue.console.portfolio;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.client.AsOf;
import com.clientvalue.portfolio.ActionRecords;
import com.clientvalue.portfolio.BudgetAllocation;
import com.clientvalue.portfolio.BudgetPlanner;
import com.clientvalue.portfolio.PortfolioCsv;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The analyst's part of the Portfolio screen (ANALYST, as in the API): the budget split for a total
 * the manager types, its CSV, and what followed the actions.
 */
@Hidden
@Controller("/console/portfolio")
@Secured(Roles.ANALYST)
@ExecuteOn(TaskExecutors.BLOCKING)
class BudgetPages {
    // the API's bounds on a budget (BudgetController.BudgetRequest)
    static final BigDecimal MAX_TOTAL = new BigDecimal("1000000000000");
    private final ConsoleUi ui;
    private final BudgetPlanner planner;
    private final ActionRecords actions;
    private final Clock clock;

    BudgetPages(ConsoleUi ui, BudgetPlanner planner, ActionRecords actions, Clock clock) {
        this.ui = ui;
        this.planner = planner;
        this.actions = actions;
        this.clock = clock;
    }

    @Post(value = "/budget", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> budget(HttpRequest<?> request, Authentication person, @Body Map<String, String> form) {
        Map<String, Object> model = new HashMap<>();
        model.put("ui", ui.of(request, person, "portfolio"));
        model.put("partial", Partial.requested(request));
        String typed = form.getOrDefault("total", "").strip();
        BigDecimal total = total(typed);
        model.put("typed", typed);
        if (total == null) {
            model.put("allocation", null);
            // htmx swaps only successful answers: the problem is shown in place, its status says it all the same
            return HttpResponse.status(Partial.requested(request) ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("console/portfolio/budget", model));
        }
        BudgetAllocation allocation = planner.allocate(total, AsOf.of(form.get("asOf"), clock).date());
        model.put("allocation", allocation);
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/budget", model));
    }

    @Get(value = "/budget.csv", produces = PortfolioDownloads.CSV)
    HttpResponse<?> budgetCsv(@QueryValue String total, @Nullable @QueryValue String asOf) {
        BigDecimal amount = total(total);
        if (amount == null) {
            return HttpResponse.badRequest("total: a number from 0 to 1000000000000");
        }
        return PortfolioDownloads.download(PortfolioCsv.budget(planner.allocate(amount, AsOf.of(asOf, clock).date())));
    }

    @Get(value = "/actions", produces = MediaType.TEXT_HTML)
    HttpResponse<?> actions(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf) {
        if (!Partial.requested(request)) {
            return PortfolioPage.wholePage(asOf);
        }
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/actions", Map.of("ui", ui.of(request, person, "portfolio"),
                "results", actions.results(AsOf.of(asOf, clock).date()))));
    }

    /** The total as typed (a point or a comma for the decimals), or null when it is no amount the API accepts. */
    static @Nullable BigDecimal total(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            BigDecimal total = new BigDecimal(typed.strip().replace(',', '.'));
            return total.signum() < 0 || total.compareTo(MAX_TOTAL) > 0 ? null : total;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
