package com.clientvalue.console.rules;

import com.clientvalue.governance.impact.ImpactPreview;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RulePublisher;
import com.clientvalue.rules.RulesRejected;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;


/**
 * What a draft would do: its validation (the same {@code RulePublisher.validate} as
 * {@code POST /api/rules/validate}) and its impact over the stored portfolio (the same
 * {@code ImpactPreview} as {@code POST /api/rules/impact}), both on the draft's files as a candidate.
 */
@Hidden
@Secured(Roles.ANALYST)
@Controller("/console/rules/drafts")
@ExecuteOn(TaskExecutors.BLOCKING)
class DraftReviewPages {
    private final DraftAccess access;
    private final DraftCandidates candidates;
    private final DraftChecks checks;
    private final RulePublisher publisher;
    private final ImpactPreview impact;
    private final Clock clock;

    DraftReviewPages(DraftAccess access, DraftCandidates candidates, DraftChecks checks, RulePublisher publisher,
                     ImpactPreview impact, Clock clock) {
        this.access = access;
        this.candidates = candidates;
        this.checks = checks;
        this.publisher = publisher;
        this.impact = impact;
        this.clock = clock;
    }

    @Get(value = "/{id}/validation", produces = MediaType.TEXT_HTML)
    HttpResponse<?> validate(HttpRequest<?> request, Authentication person, @PathVariable long id) {
        return access.page(request, person, id, (page, draft) -> {
            long started = System.nanoTime();
            RulePublisher.ValidationReport report = publisher.validate(candidates.sources(draft));
            checks.remember(draft, report);
            return HttpResponse.ok(View.of("console/rules/validation", page, new Pages.Validation(page, draft, report.valid(),
                    report.version(), report.rules(), ProblemViews.of(draft.id(), report.problems()),
                    (System.nanoTime() - started) / 1_000_000)));
        });
    }

    @Get(value = "/{id}/impact", produces = MediaType.TEXT_HTML)
    HttpResponse<?> impact(HttpRequest<?> request, Authentication person, @PathVariable long id, @Nullable @QueryValue LocalDate asOf) {
        return access.page(request, person, id, (page, draft) -> {
            LocalDate on = asOf != null ? asOf : LocalDate.now(clock);
            try {
                RuleBase candidate = publisher.compiled(candidates.sources(draft));
                return HttpResponse.ok(View.of("console/rules/impact", page,
                        new Pages.Impact(page, draft, on, impact.preview(candidate, on, 20), List.of())));
            } catch (RulesRejected refused) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(View.of("console/rules/impact", page,
                        new Pages.Impact(page, draft, on, null, ProblemViews.of(draft.id(), ProblemViews.of(refused)))));
            }
        });
    }
}
