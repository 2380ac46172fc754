package com.clientvalue.console.client;

import com.clientvalue.client.Assessments;
import com.clientvalue.client.ClientTeam;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.ClientNotFound;
import com.clientvalue.client.FactsLoader;
import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.Ui;
import com.clientvalue.decision.Decision;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;
import java.util.Map;

/** One client's page (the roles of GET /api/clients/{clientId}); its parts follow the roles of their own API. */
@Hidden
@Controller("/console/clients")
@Secured({Roles.CRM, Roles.ANALYST, Roles.AUDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class ClientPage {
    private final ConsoleUi ui;
    private final FactsLoader facts;
    private final DecisionHistory history;
    private final Assessments assessments;
    private final ClientTeam team;
    private final Clock clock;

    private final com.clientvalue.client.Surveys surveys;

    ClientPage(ConsoleUi ui, FactsLoader facts, DecisionHistory history, Assessments assessments, ClientTeam team,
               com.clientvalue.client.Surveys surveys, Clock clock) {
        this.surveys = surveys;
        this.ui = ui;
        this.facts = facts;
        this.history = history;
        this.assessments = assessments;
        this.team = team;
        this.clock = clock;
    }

    @Get(value = "/{clientId}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> client(HttpRequest<?> request, Authentication person, @PathVariable String clientId,
                           @Nullable @QueryValue String asOf, @Nullable @QueryValue String decided) {
        Ui page = ui.of(request, person, "clients");
        AsOf date = AsOf.of(asOf, clock);
        ClientFacts found;
        try {
            found = facts.load(clientId, date.date());
        } catch (ClientNotFound e) {
            return HttpResponse.status(HttpStatus.NOT_FOUND)
                    .body(new ModelAndView<>("console/client/notFound", Map.of("ui", page, "clientId", clientId)));
        }
        boolean readsDecisions = page.hasAny(Roles.CRM, Roles.AUDITOR);
        Decision justDecided = readsDecisions && decided != null ? history.of(clientId, decided).orElse(null) : null;
        Decision shown = justDecided != null ? justDecided : readsDecisions ? history.latest(clientId).orElse(null) : null;
        ClientView view = new ClientView(found, date.refused(), readsDecisions ? history.timeline(clientId) : null, shown,
                justDecided != null, page.hasAny(Roles.CRM) ? assessments.history(clientId) : null,
                readsDecisions ? surveys.of(clientId) : null, page.hasAny(Roles.CRM) ? team.of(clientId) : null);
        return HttpResponse.ok(new ModelAndView<>("console/client/client", Map.of("ui", page, "client", view)));
    }
}
