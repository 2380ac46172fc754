package com.clientvalue.audit;

import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Instant;

@Secured({Roles.CRM, Roles.AUDITOR})
@Controller("/api/events/transitions")
@Tag(name = "Events")
@ExecuteOn(TaskExecutors.BLOCKING)
class TransitionController {
    private final TransitionFeed feed;

    TransitionController(TransitionFeed feed) {
        this.feed = feed;
    }

    @Get
    @Operation(summary = "Changes of cluster, lifecycle or experience segment, oldest first",
            description = "Each decision is compared with the client's previous decision; every changed dimension (CLUSTER, "
                    + "LIFECYCLE, EXPERIENCE) is one item. since: ISO instant, items decided at or after it. To poll without "
                    + "gaps, pass the nextAfterId of the previous page as afterId.")
    TransitionFeed.TransitionPage transitions(@Nullable @QueryValue Instant since,
                                              @QueryValue(defaultValue = "0") @Min(0) long afterId,
                                              @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return feed.read(since, afterId, limit);
    }
}
