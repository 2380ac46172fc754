package com.clientvalue.console.portfolio;

import com.clientvalue.client.AbcClass;
import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.client.AsOf;
import com.clientvalue.decision.Cluster;
import com.clientvalue.portfolio.ParetoAnalysis;
import com.clientvalue.portfolio.PortfolioAnalytics;
import com.clientvalue.portfolio.PortfolioMetric;
import com.clientvalue.portfolio.SegmentAnalysis;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer pyramid and the Lorenz curve by revenue, margin or orders, and the client lists
 * behind them: the ranked clients of an ABC class (the pyramid use case) and the clients of a cluster
 * (the lifetime-value use case, which lists every client with its cluster).
 */
@Hidden
@Controller("/console/portfolio")
@Secured({Roles.ANALYST, Roles.CRM})
@ExecuteOn(TaskExecutors.BLOCKING)
class PyramidPages {
    static final int PAGE_SIZE = 50;
    private final ConsoleUi ui;
    private final PortfolioAnalytics analytics;
    private final SegmentAnalysis segments;
    private final Clock clock;

    PyramidPages(ConsoleUi ui, PortfolioAnalytics analytics, SegmentAnalysis segments, Clock clock) {
        this.ui = ui;
        this.analytics = analytics;
        this.segments = segments;
        this.clock = clock;
    }

    @Get(value = "/pyramid", produces = MediaType.TEXT_HTML)
    HttpResponse<?> pyramid(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf,
                            @QueryValue(defaultValue = "REVENUE") PortfolioMetric by) {
        if (!Partial.requested(request)) {
            return PortfolioPage.wholePage(asOf);
        }
        LocalDate date = AsOf.of(asOf, clock).date();
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/pyramid", Map.of("ui", ui.of(request, person, "portfolio"),
                "pyramid", new PyramidChart(analytics.pyramid(by, date)),
                "lorenz", new LorenzChart(analytics.concentration(by, date)), "metrics", List.of(PortfolioMetric.values()))));
    }

    @Get(value = "/abc", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> abcClass(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf,
                                               @QueryValue(defaultValue = "REVENUE") PortfolioMetric by,
                                               @QueryValue(defaultValue = "A") AbcClass abcClass,
                                               @QueryValue(defaultValue = "0") int page) {
        ParetoAnalysis analysis = analytics.pyramid(by, AsOf.of(asOf, clock).date());
        List<ParetoAnalysis.RankedClient> selected = analysis.ranking().stream().filter(c -> c.abcClass() == abcClass).toList();
        int at = Math.max(0, page);
        Map<String, Object> model = new HashMap<>();
        model.put("ui", ui.of(request, person, "portfolio"));
        model.put("list", new ClassPage(analysis, abcClass, selected.stream().skip((long) at * PAGE_SIZE).limit(PAGE_SIZE).toList(),
                at, selected.size(), pages(selected.size())));
        return new ModelAndView<>("console/portfolio/abcClients", model);
    }

    @Get(value = "/clv", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> cluster(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String asOf,
                                              @QueryValue(defaultValue = "KEY") Cluster cluster,
                                              @QueryValue(defaultValue = "0") int page) {
        LocalDate date = AsOf.of(asOf, clock).date();
        List<SegmentAnalysis.ClientValue> selected = segments.analysis(date).clients().stream()
                .filter(c -> c.cluster() == cluster).toList();
        int at = Math.max(0, page);
        return new ModelAndView<>("console/portfolio/clusterClients", Map.of("ui", ui.of(request, person, "portfolio"),
                "list", new ClusterPage(date, cluster, selected.stream().skip((long) at * PAGE_SIZE).limit(PAGE_SIZE).toList(), at,
                        selected.size(), pages(selected.size()))));
    }

    static int pages(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}
