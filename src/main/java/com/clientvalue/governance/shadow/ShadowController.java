package com.clientvalue.governance.shadow;

import io.micronaut.security.authentication.Authentication;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import com.clientvalue.rules.RuleArchive;
import com.clientvalue.rules.RulePublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import java.io.InputStream;

@Secured(Roles.ANALYST)
@Controller("/api/rules/shadow")
@Tag(name = "Rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class ShadowController {
    private final ShadowRun shadow;
    private final RulePublisher publisher;

    ShadowController(ShadowRun shadow, RulePublisher publisher) {
        this.shadow = shadow;
        this.publisher = publisher;
    }

    @Post(consumes = "application/zip")
    @Operation(summary = "Run a candidate rule set (zip of the rules folder) in shadow beside the active version",
            description = "Every live decision is also evaluated with the candidate after it was answered and audited; "
                    + "the candidate's outcome is never returned nor audited as a decision. Replaces a running shadow. "
                    + "Ends when the candidate is published or the shadow dropped.")
    ShadowRun.ShadowReport start(@Body InputStream zip, Authentication caller) {
        return shadow.start(publisher.compiled(RuleArchive.read(zip)), caller.getName());
    }

    @Get
    @Operation(summary = "The running shadow: decisions compared, how many differ, the latest differences (404 when none)")
    ShadowRun.ShadowReport report() {
        return shadow.report().orElseThrow(NoShadowRunning::new);
    }

    @Delete
    @Operation(summary = "Drop the running shadow")
    HttpResponse<Void> stop() {
        shadow.stop();
        return HttpResponse.noContent();
    }
}
