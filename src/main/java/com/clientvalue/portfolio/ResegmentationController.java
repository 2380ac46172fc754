package com.clientvalue.portfolio;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.audit.AdminLog;
import com.clientvalue.common.BusinessDate;
import io.micronaut.security.authentication.Authentication;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

@Secured({Roles.ANALYST, Roles.ADMIN})
@StandardProblems
@Controller("/api/portfolio/resegmentations")
@Tag(name = "Portfolio")
@ExecuteOn(TaskExecutors.BLOCKING)
class ResegmentationController {
    private final Resegmentation resegmentation;
    private final AdminLog log;
    private final Clock clock;

    ResegmentationController(Resegmentation resegmentation, AdminLog log, Clock clock) {
        this.resegmentation = resegmentation;
        this.log = log;
        this.clock = clock;
    }

    @Post
    @Operation(summary = "Start deciding every client as of a date (default today)",
            description = "Each client is decided and audited like a single decision (the audit records the job), in client_id "
                    + "order, 500 per transaction. 202 with the job; follow it at the Location.")
    @ApiResponse(responseCode = "202", description = "Started: the job, to follow at the Location header", useReturnTypeSchema = true)
    HttpResponse<ResegmentationStore.JobView> start(@Nullable @QueryValue @BusinessDate LocalDate asOf, Authentication caller) {
        ResegmentationStore.JobView job = resegmentation.start(asOf != null ? asOf : LocalDate.now(clock));
        log.record(caller.getName(), "RESEGMENTATION_STARTED", "job " + job.id(), "every client decided as of " + job.asOf()
                + ": " + job.total() + " clients");
        return HttpResponse.accepted(URI.create("/api/portfolio/resegmentations/" + job.id())).body(job);
    }

    @Get
    @Operation(summary = "The resegmentation jobs, newest first (at most 50), with what started each",
            description = "startedBy: REQUEST (POST here), SCHEDULE (resegmentation.schedule, a cron expression in the "
                    + "configuration) or IMPORT (resegmentation.after-import after the last import that changed facts).")
    java.util.List<ResegmentationStore.JobView> jobs() {
        return resegmentation.newest(50);
    }

    @Get("/{id}/changes")
    @Operation(summary = "What a job changed: clients moved per dimension (CLUSTER, LIFECYCLE, EXPERIENCE), from and to",
            description = "Counted from the job's audited decisions and their transitions against each client's decision before.")
    java.util.List<ResegmentationStore.Change> changes(@PathVariable long id) {
        resegmentation.view(id);
        return resegmentation.changes(id);
    }

    @Get("/{id}")
    @Operation(summary = "A job's progress: done / total, rate (decisions/s) and ETA (s)",
            description = "done counts the job's audited decisions; a job interrupted by a restart resumes after the last "
                    + "client it audited, so no client is decided twice.")
    ResegmentationStore.JobView job(@PathVariable long id) {
        return resegmentation.view(id);
    }
}
