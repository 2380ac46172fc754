package com.clientvalue.audit;

import com.clientvalue.common.BusinessDate;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

@Secured(Roles.AUDITOR)
@Controller("/api/audit/decisions")
@Tag(name = "Audit")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {
    private final AuditQuery query;
    private final AuditTrail trail;

    AuditController(AuditQuery query, AuditTrail trail) {
        this.query = query;
        this.trail = trail;
    }

    @Get
    @Operation(summary = "Audited decisions, newest first",
            description = "Filters combine: clientId, ruleId (decisions in which that rule fired), from/to (decision date, "
                    + "UTC, inclusive). Pages start at 0.")
    AuditPage list(@Nullable @QueryValue @Size(max = 64) String clientId,
                   @Nullable @QueryValue @Size(max = 100) String ruleId,
                   @Nullable @QueryValue @BusinessDate LocalDate from,
                   @Nullable @QueryValue @BusinessDate LocalDate to,
                   @QueryValue(defaultValue = "0") @Min(0) int page,
                   @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return query.find(new AuditQuery.Filter(clientId, ruleId, from, to), page, size);
    }

    @Get(value = "/{decisionId}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "One audited decision, exactly as it was answered")
    @ApiResponse(responseCode = "200", description = "The decision document as stored",
            content = @Content(schema = @Schema(ref = "#/components/schemas/Decision")))
    HttpResponse<String> get(@PathVariable @Size(max = 36) String decisionId) {
        return HttpResponse.ok(trail.document(decisionId).orElseThrow(() -> new DecisionNotAudited(decisionId)));
    }
}
