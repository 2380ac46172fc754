package com.clientvalue.audit;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.common.RefuseUnknownParameters;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;


@Secured({Roles.CRM, Roles.AUDITOR})
@StandardProblems
@Controller("/api/events/transitions")
@Tag(name = "Events")
@ExecuteOn(TaskExecutors.BLOCKING)
class TransitionController {
    private final TransitionFeed feed;

    TransitionController(TransitionFeed feed) {
        this.feed = feed;
    }

    @Get
    @RefuseUnknownParameters
    @Operation(summary = "Changes of cluster, lifecycle or experience segment, oldest first",
            description = "Each decision is compared with the client's previous decision in business time (the latest with an "
                    + "asOf up to its own); every changed dimension (CLUSTER, LIFECYCLE, EXPERIENCE) is one item, with the asOf and "
                    + "rule version of the decision. A what-if decision (back-dated: asOf before the client's latest decided asOf) "
                    + "never appears. since: decision time, an ISO-8601 UTC instant such as 2011-12-10T00:00:00Z, items decided at "
                    + "or after it. To poll without gaps, pass the nextAfterId of the previous page as afterId. Unknown parameters "
                    + "are refused (400).")
    TransitionFeed.TransitionPage transitions(@Parameter(description = "decided at or after this instant",
                                                         schema = @Schema(type = "string", format = "date-time"))
                                              @Nullable @QueryValue @Size(max = 64) String since,
                                              @QueryValue(defaultValue = "0") @Min(0) long afterId,
                                              @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return feed.read(DecisionTime.parse("since", since, ""), afterId, limit);
    }
}
