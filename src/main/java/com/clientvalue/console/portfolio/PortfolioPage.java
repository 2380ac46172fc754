package com.clientvalue.console.portfolio;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.client.AsOf;
import com.clientvalue.portfolio.PortfolioMatrices;
import com.clientvalue.portfolio.PortfolioSummarizer;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The Portfolio screen as of a date. The page comes at once; its two costly parts, each an evaluation
 * of every client with the active rules (the matrices; lifecycle and loss reasons), load after it
 * through htmx, so that neither waits for the other.
 */
@Hidden
@Controller("/console/portfolio")
@Secured({Roles.ANALYST, Roles.CRM})
@ExecuteOn(TaskExecutors.BLOCKING)
class PortfolioPage {
    private final ConsoleUi ui;
    private final PortfolioMatrices matrices;
    private final PortfolioSummarizer summarizer;
    private final com.clientvalue.portfolio.PortfolioNeeds needs;
    private final com.clientvalue.portfolio.PortfolioChurn churn;
    private final com.clientvalue.portfolio.PortfolioReferrals referrals;
    private final com.clientvalue.portfolio.PortfolioProductCategories productCategories;
    private final com.clientvalue.portfolio.ContactSchedule schedule;
    private final Clock clock;

    PortfolioPage(ConsoleUi ui, PortfolioMatrices matrices, PortfolioSummarizer summarizer,
                  com.clientvalue.portfolio.PortfolioNeeds needs, com.clientvalue.portfolio.PortfolioChurn churn,
                  com.clientvalue.portfolio.PortfolioReferrals referrals,
                  com.clientvalue.portfolio.PortfolioProductCategories productCategories,
                  com.clientvalue.portfolio.ContactSchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.productCategories = productCategories;
        this.churn = churn;
        this.referrals = referrals;
        this.needs = needs;
        this.ui = ui;
        this.matrices = matrices;
        this.summarizer = summarizer;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf) {
        return new ModelAndView<>("console/portfolio/page",
                Map.of("ui", ui.of(request, person, "portfolio"), "asOf", AsOf.of(asOf, clock)));
    }

    @Get(value = "/matrices", produces = MediaType.TEXT_HTML)
    HttpResponse<?> matrices(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf) {
        if (!Partial.requested(request)) {
            return wholePage(asOf);
        }
        PortfolioMatrices.Matrices computed = matrices.compute(AsOf.of(asOf, clock).date());
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/matrices", Map.of("ui", ui.of(request, person, "portfolio"),
                "matrices", computed, "maps", computed.matrices().stream().map(HeatMap::of).toList())));
    }

    @Get(value = "/lifecycle", produces = MediaType.TEXT_HTML)
    HttpResponse<?> lifecycle(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf) {
        if (!Partial.requested(request)) {
            return wholePage(asOf);
        }
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/lifecycle", Map.of("ui", ui.of(request, person, "portfolio"),
                "summary", summarizer.summarize(AsOf.of(asOf, clock).date()))));
    }

    /** The contacts due for one owner (or all): the use case of {@code GET /api/actions/due}, its first 50. */
    @Get(value = "/due", produces = MediaType.TEXT_HTML)
    HttpResponse<?> due(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf,
                        @Nullable @QueryValue String owner) {
        if (!Partial.requested(request)) {
            return wholePage(asOf);
        }
        List<String> owners = schedule.owners();
        String chosen = owner == null || owner.isBlank() || owners.stream().noneMatch(o -> o.equalsIgnoreCase(owner.strip()))
                ? null : owner.strip();
        java.time.LocalDate date = AsOf.of(asOf, clock).date();
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/due", Map.of("ui", ui.of(request, person, "portfolio"),
                "list", schedule.due(chosen, date, 0, 0, 50), "owners", owners)));
    }

    /** The portfolio by product category and the cross-sell gap: the use case of {@code GET /api/portfolio/product-categories}. */
    @Get(value = "/product-categories", produces = MediaType.TEXT_HTML)
    HttpResponse<?> productCategories(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf) {
        if (!Partial.requested(request)) {
            return wholePage(asOf);
        }
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/productCategories", Map.of("ui", ui.of(request, person, "portfolio"),
                "report", productCategories.compute(AsOf.of(asOf, clock).date(), new java.math.BigDecimal("0.5")))));
    }

    /** What clients say they need: the use case of {@code GET /api/portfolio/needs}. */
    @Get(value = "/needs", produces = MediaType.TEXT_HTML)
    HttpResponse<?> needs(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf) {
        if (!Partial.requested(request)) {
            return wholePage(asOf);
        }
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/needs", Map.of("ui", ui.of(request, person, "portfolio"),
                "report", needs.compute(AsOf.of(asOf, clock).date()))));
    }

    /**
     * Clients lost, gone inactive, reactivated and won in the 12 months up to the as-of date, and the
     * clients won by referral: the use cases of {@code GET /api/portfolio/churn} and {@code /referrals}.
     */
    @Get(value = "/movements", produces = MediaType.TEXT_HTML)
    HttpResponse<?> movements(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf) {
        if (!Partial.requested(request)) {
            return wholePage(asOf);
        }
        java.time.LocalDate date = AsOf.of(asOf, clock).date();
        java.time.YearMonth last = java.time.YearMonth.from(date);
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/movements", Map.of("ui", ui.of(request, person, "portfolio"),
                "churn", churn.compute(last.minusMonths(11), last), "referrals", referrals.compute(date))));
    }

    // a part asked for without htmx (a bookmark, a page opened in a new tab) is shown within its page
    static HttpResponse<?> wholePage(@Nullable String asOf) {
        AsOfQuery query = new AsOfQuery(asOf);
        return HttpResponse.seeOther(URI.create("/console/portfolio" + query.text()));
    }
}
