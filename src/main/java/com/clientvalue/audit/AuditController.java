package com.clientvalue.audit;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.common.BusinessDate;
import com.clientvalue.common.RefuseUnknownParameters;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

@Secured(Roles.AUDITOR)
@StandardProblems
@Controller("/api/audit/decisions")
@Tag(name = "Audit")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {
    // the clusters of the decision package, which the audit stores as text and does not depend on
    static final String CLUSTERS = "^(KEY|DEVELOP|MAINTAIN|MARGINAL)$";
    private final AuditQuery query;
    private final AuditTrail trail;

    AuditController(AuditQuery query, AuditTrail trail) {
        this.query = query;
        this.trail = trail;
    }

    @Get
    @RefuseUnknownParameters
    @Operation(summary = "Audited decisions, newest first",
            description = "Filters combine: clientId; ruleId (decisions in which that rule fired); ruleVersion (exact); cluster "
                    + "(KEY, DEVELOP, MAINTAIN, MARGINAL); whatIf (true: decided back-dated, before the client's latest decided "
                    + "asOf); asOfFrom/asOfTo (business date, ISO dates, both included); from/to (decision time, ISO-8601 UTC "
                    + "instants such as 2011-12-10T00:00:00Z, from included, to excluded). Unknown parameters are refused (400). "
                    + "Pages start at 0. See src/docs/time-and-limits.md.")
    AuditPage list(@Nullable @QueryValue @Size(max = 64) String clientId,
                   @Nullable @QueryValue @Size(max = 100) String ruleId,
                   @Nullable @QueryValue @Size(max = 64) String ruleVersion,
                   @Nullable @QueryValue @Pattern(regexp = CLUSTERS, message = "must be one of KEY, DEVELOP, MAINTAIN, MARGINAL")
                   String cluster,
                   @Nullable @QueryValue Boolean whatIf,
                   @Nullable @QueryValue @BusinessDate LocalDate asOfFrom,
                   @Nullable @QueryValue @BusinessDate LocalDate asOfTo,
                   @Parameter(description = "decided at or after this instant", schema = @Schema(type = "string", format = "date-time"))
                   @Nullable @QueryValue @Size(max = 64) String from,
                   @Parameter(description = "decided before this instant", schema = @Schema(type = "string", format = "date-time"))
                   @Nullable @QueryValue @Size(max = 64) String to,
                   @QueryValue(defaultValue = "0") @Min(0) int page,
                   @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        String hint = "business dates are searched with asOfFrom and asOfTo";
        return query.find(new AuditQuery.Filter(clientId, ruleId, ruleVersion, cluster, whatIf, asOfFrom, asOfTo,
                DecisionTime.parse("from", from, hint), DecisionTime.parse("to", to, hint)), page, size);
    }

    @Get(value = "/{decisionId}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "One audited decision, exactly as it was answered")
    @ApiResponse(responseCode = "200", description = "The decision document as stored",
            content = @Content(schema = @Schema(ref = "#/components/schemas/Decision")))
    HttpResponse<String> get(@PathVariable @Size(max = 36) String decisionId) {
        return HttpResponse.ok(trail.document(decisionId).orElseThrow(() -> new DecisionNotAudited(decisionId)));
    }
}
