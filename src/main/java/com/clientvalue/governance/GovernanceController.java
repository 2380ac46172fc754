package com.clientvalue.governance;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.governance.replay.DecisionReplay;
import com.clientvalue.governance.impact.ImpactPreview;
import com.clientvalue.governance.impact.ImpactReport;
import com.clientvalue.governance.replay.ReplayReport;

import com.clientvalue.common.BusinessDate;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import com.clientvalue.rules.RuleArchive;
import com.clientvalue.rules.RulePublisher;
import com.clientvalue.decision.Explanations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Header;
import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;

/** What a rule change would do (impact preview) and what another version would have done (replay). */
@StandardProblems
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class GovernanceController {
    private final ImpactPreview impact;
    private final DecisionReplay replay;
    private final RulePublisher publisher;
    private final Clock clock;

    GovernanceController(ImpactPreview impact, DecisionReplay replay, RulePublisher publisher, Clock clock) {
        this.impact = impact;
        this.replay = replay;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Secured(Roles.ANALYST)
    @Post(value = "/api/rules/impact", consumes = "application/zip")
    @Tag(name = "Rules")
    @Operation(summary = "Preview what a candidate rule set (zip of the rules folder) would change, without publishing",
            description = "Every stored client is evaluated as of asOf (default today) under the active and the candidate "
                    + "version, with the same inputs as a decision; nothing is audited. Counts of clients whose cluster, "
                    + "lifecycle, experience segment, actions or free-service entitlement (answer to an unpaid STANDARD "
                    + "service, first of the year) change; from -> to matrices; a sample of affected clients, each with its "
                    + "explanation under both versions, in English or in Italian when Accept-Language prefers it (Content-Language "
                    + "says which).")
    HttpResponse<ImpactReport> impact(@Body InputStream zip, @Nullable @QueryValue @BusinessDate LocalDate asOf,
                        @QueryValue(defaultValue = "20") @Min(0) @Max(500) int sample,
                        @Parameter(hidden = true) @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String languages) {
        String language = Explanations.language(languages);
        return HttpResponse.ok(impact.preview(publisher.compiled(RuleArchive.read(zip)), asOf != null ? asOf : LocalDate.now(clock),
                sample, language, evaluated -> { })).header(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    @Secured(Roles.AUDITOR)
    @Post("/api/audit/decisions/{decisionId}/replay")
    @Tag(name = "Audit")
    @Operation(summary = "Re-evaluate a past decision's stored inputs under another rule version",
            description = "version: a stored version hash (GET /api/rules/versions); default the active one. Returns both "
                    + "outcomes and the rules that fired in only one of them. Nothing is written.")
    ReplayReport replay(@PathVariable @Size(max = 36) String decisionId, @Nullable @QueryValue @Size(max = 64) String version) {
        return replay.replay(decisionId, version);
    }
}
