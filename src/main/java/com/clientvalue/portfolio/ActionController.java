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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@StandardProblems
@Controller("/api/actions")
@Tag(name = "Actions")
@ExecuteOn(TaskExecutors.BLOCKING)
class ActionController {
    private final ActionRecords records;
    private final ContactSchedule schedule;
    private final Clock clock;

    ActionController(ActionRecords records, ContactSchedule schedule, Clock clock) {
        this.records = records;
        this.schedule = schedule;
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
    @Operation(summary = "What followed the actions and what they cost, per cluster, lifecycle at the decision and action",
            description = "done = actions reported done up to asOf; followedUp = those done at least 90 days before asOf; "
                    + "orderedWithin90Days = of those, clients with an order of positive total in the 90 days after the action; "
                    + "orderedShare = orderedWithin90Days / followedUp (e.g. the share of inactive clients that ordered again "
                    + "within 90 days of a reactivation contact). costHours and costAmount = done x the action's cost_hours and "
                    + "cost_amount in the active rule version's vocabulary/actions.csv; hoursPerResult and amountPerResult = the "
                    + "cost of the followedUp actions / orderedWithin90Days (null without a cost or without a result). "
                    + "per=MONTH splits the rows by the month the action was done (period YYYY-MM); otherwise period is null.")
    List<ActionRecords.ActionResult> results(@Nullable @QueryValue @BusinessDate LocalDate asOf,
                                             @QueryValue(defaultValue = "ALL") ActionRecords.Per per) {
        return records.results(asOf != null ? asOf : LocalDate.now(clock), per);
    }

    @Secured({Roles.CRM, Roles.ANALYST})
    @Get("/due")
    @Operation(summary = "Scheduled contacts due: per owner, the actions with a cadence that are due on or before asOf",
            description = "Every action with a cadence_days in vocabulary/actions.csv that a client's latest decision proposes is due "
                    + "cadence days after it was last reported done (POST /api/actions, done on or before asOf), or from that "
                    + "decision's asOf when it never was (lastDone null). owner = the action's owner in the vocabulary (e.g. Key "
                    + "account manager, any case); without it, every owner. horizonDays also lists what falls due in that many "
                    + "days after asOf. daysLate = days from nextDue to asOf (0 when not late). Soonest due first, then client id "
                    + "and action code; total counts every contact due, items one page of them.")
    ContactSchedule.DueList due(@Nullable @QueryValue @Size(min = 1, max = 100) String owner,
                                @Nullable @QueryValue @BusinessDate LocalDate asOf,
                                @QueryValue(defaultValue = "0") @Min(0) @Max(366) int horizonDays,
                                @QueryValue(defaultValue = "0") @Min(0) int page,
                                @QueryValue(defaultValue = "100") @Min(1) @Max(10_000) int size) {
        return schedule.due(owner == null ? null : owner.strip(), asOf != null ? asOf : LocalDate.now(clock), horizonDays, page, size);
    }
}
