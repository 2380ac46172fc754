package com.clientvalue.audit;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;

@StandardProblems
@Controller("/api/admin/events")
@Tag(name = "Security")
@Secured({Roles.ADMIN, Roles.AUDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminLogController {
    private final AdminLog log;

    AdminLogController(AdminLog log) {
        this.log = log;
    }

    @Get
    @Operation(summary = "Who did what: rule publications and rollbacks, imports, token changes; newest first (ADMIN, AUDITOR)",
            description = "Page back with beforeId = the smallest id of the previous page.")
    List<AdminLog.AdminEvent> events(@Nullable @QueryValue Long beforeId,
                                     @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return log.list(beforeId, limit);
    }
}
