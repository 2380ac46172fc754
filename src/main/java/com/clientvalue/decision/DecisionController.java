package com.clientvalue.decision;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.stream.Collectors;

@Secured(Roles.CRM)
@StandardProblems
@Controller("/api/decisions")
@Tag(name = "Decisions")
@ExecuteOn(TaskExecutors.BLOCKING)
class DecisionController {
    /** Accept-Language is read but not declared as a parameter: a generated client's methods keep their signatures. */
    static final String EXPLANATION_LANGUAGE = "The explanation is in English, or in Italian when the request's Accept-Language "
            + "prefers it (e.g. Accept-Language: it); the answer's Content-Language and its language field say which.";
    private final ClientDecider decider;

    DecisionController(ClientDecider decider) {
        this.decider = decider;
    }

    @Post
    @Operation(summary = "Decide how to treat a client",
            description = "Evaluates the client's stored facts as of asOf with the active rule version and returns the "
                    + "outcome (cluster, potential and revenue levels, actions), the rules that fired in firing order and "
                    + "reasons, and the explanation in the analysts' words (explanation, technicalExplanation). The decision is "
                    + "in the audit before the answer is sent, and the answer is the audited document byte for byte. "
                    + EXPLANATION_LANGUAGE + " Unknown client: 404.")
    @ApiResponse(responseCode = "200", description = "The decision, as audited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    HttpResponse<String> decide(@Body @Valid DecisionRequest request,
                                @Parameter(hidden = true) @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String languages) {
        String language = Explanations.language(languages);
        return json(decider.decideAnswered(List.of(request.clientId()), request.asOf(), language).get(0).document(), language);
    }

    @Post("/service-requests")
    @Operation(summary = "May this client have this service?",
            description = "Decides the client (cluster, lifecycle...) together with the request and answers whether it is "
                    + "granted, with the reasons and the rules that decided (outcome.serviceAnswer). Granted when at least one "
                    + "rule of rules/policies/service-entitlement.csv grants it and none refuses it. Audited like every "
                    + "decision; a granted request is recorded, so yearly limits on unpaid services count real grants. "
                    + EXPLANATION_LANGUAGE + " Unknown service code: 400.")
    @ApiResponse(responseCode = "200", description = "The decision with its service answer, as audited",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    HttpResponse<String> serviceRequest(@Body @Valid ServiceRequestBody request,
                                        @Parameter(hidden = true) @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String languages) {
        String language = Explanations.language(languages);
        return json(decider.decideRequestAnswered(request, language).document(), language);
    }

    @Post("/batch")
    @Operation(summary = "Decide several clients in one call",
            description = "One decision per distinct client id, in the order given, all audited in one transaction. "
                    + EXPLANATION_LANGUAGE + " If any client is unknown, nothing is decided (404 naming them).")
    @ApiResponse(responseCode = "200", description = "The decisions, as audited, in the order of the client ids",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = Decision.class))))
    HttpResponse<String> decideAll(@Body @Valid BatchDecisionRequest request,
                                   @Parameter(hidden = true) @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String languages) {
        String language = Explanations.language(languages);
        return json(decider.decideAnswered(request.clientIds(), request.asOf(), language).stream().map(ClientDecider.Answered::document)
                .collect(Collectors.joining(",", "[", "]")), language);
    }

    // the audited documents as they are: JSON already, not to be serialized again
    private static HttpResponse<String> json(String document, String language) {
        return HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_LANGUAGE, language);
    }
}
