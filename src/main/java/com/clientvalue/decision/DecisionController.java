package com.clientvalue.decision;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

@Secured(Roles.CRM)
@StandardProblems
@Controller("/api/decisions")
@Tag(name = "Decisions")
@ExecuteOn(TaskExecutors.BLOCKING)
class DecisionController {
    private final ClientDecider decider;

    DecisionController(ClientDecider decider) {
        this.decider = decider;
    }

    @Post
    @Operation(summary = "Decide how to treat a client",
            description = "Evaluates the client's stored facts as of asOf with the active rule version and returns the "
                    + "outcome (cluster, potential and revenue levels, actions), the rules that fired in firing order and "
                    + "reasons. The decision is in the audit before the answer is sent. Unknown client: 404.")
    Decision decide(@Body @Valid DecisionRequest request) {
        return decider.decide(request.clientId(), request.asOf());
    }

    @Post("/service-requests")
    @Operation(summary = "May this client have this service?",
            description = "Decides the client (cluster, lifecycle...) together with the request and answers whether it is "
                    + "granted, with the reasons and the rules that decided (outcome.serviceAnswer). Granted when at least one "
                    + "rule of rules/policies/service-entitlement.csv grants it and none refuses it. Audited like every "
                    + "decision; a granted request is recorded, so yearly limits on unpaid services count real grants. "
                    + "Unknown service code: 400.")
    Decision serviceRequest(@Body @Valid ServiceRequestBody request) {
        return decider.decideRequest(request);
    }

    @Post("/batch")
    @Operation(summary = "Decide several clients in one call",
            description = "One decision per distinct client id, in the order given, all audited in one transaction. "
                    + "If any client is unknown, nothing is decided (404 naming them).")
    List<Decision> decideAll(@Body @Valid BatchDecisionRequest request) {
        return decider.decideAll(request.clientIds(), request.asOf());
    }
}
