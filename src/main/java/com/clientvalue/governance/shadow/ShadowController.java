package com.clientvalue.governance.shadow;

import com.clientvalue.common.StandardProblems;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.authentication.Authentication;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import com.clientvalue.rules.RuleArchive;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.io.InputStream;
import java.util.List;

@Secured(Roles.ANALYST)
@StandardProblems
@Controller("/api/rules/shadow")
@Tag(name = "Rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class ShadowController {
    private final ShadowRun shadow;

    ShadowController(ShadowRun shadow) {
        this.shadow = shadow;
    }

    @Post(consumes = "application/zip")
    @Operation(summary = "Run a candidate rule set (zip of the rules folder) in shadow beside the active version",
            description = "The candidate must pass every check a publication runs (compile, scenarios, the stored invariants, "
                    + "the stored portfolio); otherwise 422 with every problem and no shadow starts. It stays a candidate: it "
                    + "is not a published version and cannot be activated. Every live decision is also evaluated with it "
                    + "after it was answered and audited; its outcome is never returned nor audited as a decision. Replaces "
                    + "a running shadow. Ends when its rules are published, or when dropped; the report stays readable.")
    ShadowRun.ShadowReport start(@Body InputStream zip, Authentication caller) {
        return shadow.startChecked(RuleArchive.read(zip), caller.getName());
    }

    @Get
    @Operation(summary = "The running shadow: decisions compared, how many differ, the latest differences (404 when none)",
            description = "Reads only: nothing changes, whatever the state of the shadow.")
    ShadowRun.ShadowReport report() {
        return shadow.running().orElseThrow(NoShadowRunning::new);
    }

    @Delete
    @Operation(summary = "Drop the running shadow (no-op when none runs); its report stays at /api/rules/shadow/runs/{runId}")
    HttpResponse<Void> stop(Authentication caller) {
        shadow.stop(caller.getName());
        return HttpResponse.noContent();
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR})
    @Get("/runs")
    @Operation(summary = "Every shadow run, newest first, running or ended, with its report")
    List<ShadowRun.ShadowReport> runs(@QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return shadow.list(limit);
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR})
    @Get("/runs/{runId}")
    @Operation(summary = "One shadow run and its report, also after it ended (404 when there is no such run)")
    ShadowRun.ShadowReport run(@PathVariable long runId) {
        return shadow.run(runId).orElseThrow(() -> new NoShadowRunning(runId));
    }
}
