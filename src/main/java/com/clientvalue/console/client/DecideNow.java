package com.clientvalue.console.client;

import com.clientvalue.decision.ClientDecider;
import com.clientvalue.decision.Decision;
import com.clientvalue.security.Roles;
import com.clientvalue.console.ConsoleUi;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * "Decide now" (CRM, as POST /api/decisions): the client decided as of the page's date through the
 * one decision path, so the decision is in the audit before the page shows it.
 */
@Hidden
@Controller("/console/clients")
@Secured(Roles.CRM)
@ExecuteOn(TaskExecutors.BLOCKING)
class DecideNow {
    private final ClientDecider decider;
    private final Clock clock;
    private final ConsoleUi ui;

    DecideNow(ClientDecider decider, Clock clock, ConsoleUi ui) {
        this.decider = decider;
        this.clock = clock;
        this.ui = ui;
    }

    @Post(value = "/{clientId}/decisions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(HttpRequest<?> request, @PathVariable String clientId, @Body Map<String, String> form) {
        AsOf asOf = AsOf.of(form.get("asOf"), clock);
        if (asOf.refused() != null) {
            return HttpResponse.badRequest("asOf: not a date (yyyy-mm-dd)");
        }
        // explained in the console's language, as a CRM's Accept-Language would have it (the audit keeps that text)
        Decision decision = decider.decideAnswered(List.of(clientId), asOf.date(), ui.of(request, null, "clients").lang()).get(0).decision();
        // after a POST the browser is sent to a GET, so that reloading the page decides nothing again
        return HttpResponse.seeOther(URI.create(ClientLinks.of(clientId, asOf.date()) + "&decided=" + decision.decisionId()));
    }
}
