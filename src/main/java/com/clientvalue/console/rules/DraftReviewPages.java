package com.clientvalue.console.rules;

import com.clientvalue.common.BusinessDate;
import com.clientvalue.console.Ui;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;


/**
 * What a draft would do: its validation (the same {@code RulePublisher.validate} as
 * {@code POST /api/rules/validate}) and its impact over the stored portfolio (the same
 * {@code ImpactPreview} as {@code POST /api/rules/impact}), both on the draft's files as a candidate.
 * A POST starts the work in the background ({@link DraftRunner}) and leads to its page, which shows
 * the progress (its part refreshes itself through htmx while the run is under way) and then the
 * result, kept in MariaDB: the page shows it again later, in any session and on any instance.
 */
@Hidden
@Secured(Roles.ANALYST)
@Controller("/console/rules/drafts")
@ExecuteOn(TaskExecutors.BLOCKING)
class DraftReviewPages {
    private final DraftAccess access;
    private final DraftRunner runner;
    private final RunReports reports;
    private final ActiveRuleBase active;
    private final Clock clock;

    DraftReviewPages(DraftAccess access, DraftRunner runner, RunReports reports, ActiveRuleBase active, Clock clock) {
        this.access = access;
        this.runner = runner;
        this.reports = reports;
        this.active = active;
        this.clock = clock;
    }

    @Post(value = "/{id}/validation", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> startValidation(HttpRequest<?> request, Authentication person, @PathVariable long id) {
        return access.page(request, person, id, (page, draft) -> {
            runner.validate(draft, person.getName());
            return HttpResponse.seeOther(URI.create("/console/rules/drafts/" + id + "/validation"));
        });
    }

    /** The latest validation; asked by htmx (polling while it runs), only its part of the page. */
    @Get(value = "/{id}/validation", produces = MediaType.TEXT_HTML)
    HttpResponse<?> validation(HttpRequest<?> request, Authentication person, @PathVariable long id) {
        return access.page(request, person, id, (page, draft) -> HttpResponse.ok(View.of(part(request, "validation"), page,
                validationPage(page, draft))));
    }

    @Post(value = "/{id}/impact", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> startImpact(HttpRequest<?> request, Authentication person, @PathVariable long id,
                                @Body("asOf") @Nullable String asOf) {
        return access.page(request, person, id, (page, draft) -> {
            LocalDate on;
            try {
                on = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                on = null;
            }
            if (on == null || on.isBefore(BusinessDate.EARLIEST) || on.isAfter(BusinessDate.LATEST)) {
                return HttpResponse.status(HttpStatus.BAD_REQUEST).body(View.of("console/rules/impact", page,
                        impactPage(page, draft, "impact.badDate")));
            }
            runner.impact(draft, on, person.getName(), page.lang());
            return HttpResponse.seeOther(URI.create("/console/rules/drafts/" + id + "/impact"));
        });
    }

    /** The latest impact preview; asked by htmx (polling while it runs), only its part of the page. */
    @Get(value = "/{id}/impact", produces = MediaType.TEXT_HTML)
    HttpResponse<?> impact(HttpRequest<?> request, Authentication person, @PathVariable long id) {
        return access.page(request, person, id, (page, draft) -> HttpResponse.ok(View.of(part(request, "impact"), page,
                impactPage(page, draft, null))));
    }

    private static String part(HttpRequest<?> request, String name) {
        return request.getHeaders().contains("HX-Request") ? "console/rules/" + name + "-run" : "console/rules/" + name;
    }

    private Pages.Validation validationPage(Ui page, Draft draft) {
        DraftRun run = runner.latest(draft, DraftRun.Kind.VALIDATION).orElse(null);
        var report = run == null ? null : reports.validation(run).orElse(null);
        return new Pages.Validation(page, draft, run, run != null && runner.current(draft, run), report,
                report == null ? List.of() : ProblemViews.of(draft.id(), report.problems()));
    }

    private Pages.Impact impactPage(Ui page, Draft draft, @Nullable String message) {
        DraftRun run = runner.latest(draft, DraftRun.Kind.IMPACT).orElse(null);
        LocalDate asOf = run != null && run.asOf() != null ? run.asOf() : LocalDate.now(clock);
        return new Pages.Impact(page, draft, asOf, run, run != null && runner.current(draft, run),
                run == null ? null : reports.impact(run).orElse(null),
                run == null ? List.of() : ProblemViews.of(draft.id(), reports.rejected(run)), active.current().version(), message);
    }
}
