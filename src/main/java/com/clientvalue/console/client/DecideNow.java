package com.clientvalue.console.client;

import com.clientvalue.decision.ClientDecider;
import com.clientvalue.decision.Decision;
import com.clientvalue.security.Roles;
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

    DecideNow(ClientDecider decider, Clock clock) {
        this.decider = decider;
        this.clock = clock;
    }

    @Post(value = "/{clientId}/decisions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(@PathVariable String clientId, @Body Map<String, String> form) {
        AsOf asOf = AsOf.of(form.get("asOf"), clock);
        if (asOf.refused() != null) {
            return HttpResponse.badRequest("asOf: not a date (yyyy-mm-dd)");
        }
        Decision decision = decider.decide(clientId, asOf.date());
        // after a POST the browser is sent to a GET, so that reloading the page decides nothing again
        return HttpResponse.seeOther(URI.create(ClientLinks.of(clientId, asOf.date()) + "&decided=" + decision.decisionId()));
    }
}
