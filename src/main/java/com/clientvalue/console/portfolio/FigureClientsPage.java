package com.clientvalue.console.portfolio;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.client.AsOf;
import com.clientvalue.portfolio.ClientSelection;
import com.clientvalue.portfolio.PortfolioClients;
import com.clientvalue.portfolio.PortfolioCsv;
import com.clientvalue.portfolio.PortfolioDimension;
import com.clientvalue.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The clients behind a figure of the Portfolio screen (a matrix cell, a cluster, lifecycle state,
 * experience segment or loss figure), 50 a page, and their CSV: the use case of
 * {@code GET /api/portfolio/clients}, which evaluates the clients as the figure did, with its roles.
 */
@Hidden
@Controller("/console/portfolio")
@Secured({Roles.ANALYST, Roles.CRM})
@ExecuteOn(TaskExecutors.BLOCKING)
class FigureClientsPage {
    static final int PAGE_SIZE = 50;
    private final ConsoleUi ui;
    private final PortfolioClients clients;
    private final Clock clock;

    FigureClientsPage(ConsoleUi ui, PortfolioClients clients, Clock clock) {
        this.ui = ui;
        this.clients = clients;
        this.clock = clock;
    }

    @Get(value = "/clients", produces = MediaType.TEXT_HTML)
    HttpResponse<?> list(HttpRequest<?> request, Authentication person) {
        ClientSelection selection = selection(request);
        if (selection == null) {
            return HttpResponse.badRequest("a figure's value has 1 to 200 characters");
        }
        int page = Math.max(0, request.getParameters().getFirst("page", Integer.class).orElse(0));
        PortfolioClients.Selected selected = clients.select(AsOf.of(request.getParameters().get("asOf"), clock).date(), selection);
        return HttpResponse.ok(new ModelAndView<>("console/portfolio/figureClients", Map.of("ui", ui.of(request, person, "portfolio"),
                "list", new FigureList(selected.page(page, PAGE_SIZE), PyramidPages.pages(selected.clients().size())))));
    }

    @Get(value = "/clients.csv", produces = PortfolioDownloads.CSV)
    HttpResponse<?> csv(HttpRequest<?> request) {
        ClientSelection selection = selection(request);
        if (selection == null) {
            return HttpResponse.badRequest("a figure's value has 1 to 200 characters");
        }
        return PortfolioDownloads.download(PortfolioCsv.clients(
                clients.select(AsOf.of(request.getParameters().get("asOf"), clock).date(), selection)));
    }

    // the query's dimensions, as the API reads them; other parameters (asOf, page) are not part of the figure
    private static ClientSelection selection(HttpRequest<?> request) {
        Map<PortfolioDimension, String> values = new EnumMap<>(PortfolioDimension.class);
        for (String name : request.getParameters().names()) {
            PortfolioDimension.byParameter(name).ifPresent(d -> values.put(d, request.getParameters().get(name)));
        }
        try {
            return new ClientSelection(values);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
