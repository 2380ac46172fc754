package com.clientvalue.portfolio;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.common.BusinessDate;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@StandardProblems
@Controller("/api/actions")
@Tag(name = "Actions")
@ExecuteOn(TaskExecutors.BLOCKING)
class ActionController {
    private final ActionRecords records;
    private final Clock clock;

    ActionController(ActionRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Secured(Roles.CRM)
    @Post
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Report an action proposed by a decision as done, with its outcome",
            description = "The decision must exist (404 otherwise) and have proposed the action (422 otherwise); doneOn must be on "
                    + "or after the decision's asOf (422 otherwise). Reporting it again replaces the record.")
    void done(@Body @Valid ActionRecords.ActionDone done) {
        records.record(done);
    }

    @Secured(Roles.ANALYST)
    @Get("/results")
    @Operation(summary = "What followed the actions, per cluster, lifecycle at the decision and action",
            description = "done = actions reported done up to asOf; followedUp = those done at least 90 days before asOf; "
                    + "orderedWithin90Days = of those, clients with an order of positive total in the 90 days after the action; "
                    + "orderedShare = orderedWithin90Days / followedUp (e.g. the share of inactive clients that ordered again "
                    + "within 90 days of a reactivation contact).")
    List<ActionRecords.ActionResult> results(@Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return records.results(asOf != null ? asOf : LocalDate.now(clock));
    }
}
