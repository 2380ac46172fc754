package com.clientvalue.audit;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@StandardProblems
@Controller("/api/audit/archives")
@Tag(name = "Audit")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditArchiveController {
    private final AuditArchiver archiver;

    AuditArchiveController(AuditArchiver archiver) {
        this.archiver = archiver;
    }

    @Post
    @Secured(Roles.ADMIN)
    @Operation(summary = "Archive the audit records decided before a time (ADMIN)",
            description = "before defaults to now minus audit.retention-days; it may not be later than now minus "
                    + "audit.retention-min-days (400). The records are written to a gzipped JSON-lines file, then removed with "
                    + "their fired rules, transitions, grants, action records and shadow comparisons; the checkpoint keeps the "
                    + "last archived link so that /api/audit/verify still verifies the rest. 204 when nothing is old enough.")
    @ApiResponse(responseCode = "201", description = "Archived: the archive run", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "204", description = "Nothing was old enough to archive")
    HttpResponse<AuditArchiver.Archive> archive(@Nullable @QueryValue Instant before, Authentication caller) {
        AuditArchiver.Archive archive = archiver.archive(before, caller.getName());
        return archive == null ? HttpResponse.noContent() : HttpResponse.created(archive);
    }

    @Get
    @Secured({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Archive runs, newest first: records, chain range, last link, file and its SHA-256 (ADMIN, AUDITOR)")
    List<AuditArchiver.Archive> archives() {
        return archiver.archives();
    }
}
