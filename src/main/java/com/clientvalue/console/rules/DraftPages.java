package com.clientvalue.console.rules;

import com.clientvalue.audit.AuditTrail;
import com.clientvalue.decision.Decision;
import com.clientvalue.governance.scenario.ScenarioFromDecision;
import com.clientvalue.governance.shadow.ShadowRun;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RecordedPublisher;
import com.clientvalue.rules.RuleVersions;
import com.clientvalue.rules.RulesRejected;
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
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.Clock;
import java.util.List;


/**
 * An analyst's drafts: create one from the active version, read what it changes, move it onto the
 * active version, publish it (the same use case as {@code POST /api/rules/versions}, through
 * {@link RecordedPublisher}) or delete it. A draft is only ever its owner's.
 */
@Hidden
@Secured(Roles.ANALYST)
@Controller("/console/rules/drafts")
@ExecuteOn(TaskExecutors.BLOCKING)
class DraftPages {
    private final Drafts drafts;
    private final DraftAccess access;
    private final DraftOverview overview;
    private final DraftCandidates candidates;
    private final ActiveRuleBase active;
    private final RecordedPublisher recorded;
    private final Clock clock;
    private final ShadowRun shadow;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final DraftRebase rebasing;

    DraftPages(Drafts drafts, DraftAccess access, DraftOverview overview, DraftCandidates candidates, ActiveRuleBase active,
               RecordedPublisher recorded, Clock clock, ShadowRun shadow, AuditTrail audit, JsonMapper json, DraftRebase rebasing) {
        this.rebasing = rebasing;
        this.shadow = shadow;
        this.audit = audit;
        this.json = json;
        this.drafts = drafts;
        this.access = access;
        this.overview = overview;
        this.candidates = candidates;
        this.active = active;
        this.recorded = recorded;
        this.clock = clock;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(Authentication person, @Body("name") @Nullable String name) {
        String title = name == null || name.isBlank() ? "Draft " + RulesPages.WHEN.format(clock.instant()) : name.strip();
        long id = drafts.create(person.getName(), title.length() > 200 ? title.substring(0, 200) : title, active.current().version());
        return HttpResponse.seeOther(URI.create("/console/rules/drafts/" + id));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> draft(HttpRequest<?> request, Authentication person, @PathVariable long id, @Nullable @QueryValue String done) {
        return access.page(request, person, id, (page, draft) -> HttpResponse.ok(View.of("console/rules/draft", page,
                overview.of(page, draft, List.of(), done == null ? null : "draft." + done))));
    }

    /** Publishes the draft through the same use case as {@code POST /api/rules/versions}; the draft is gone once published. */
    @Post(value = "/{id}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> publish(HttpRequest<?> request, Authentication person, @PathVariable long id,
                            @Body("comment") @Nullable String comment) {
        return access.page(request, person, id, (page, draft) -> {
            if (!draft.baseVersion().equals(active.current().version())) {
                return HttpResponse.status(HttpStatus.CONFLICT).body(View.of("console/rules/draft", page,
                        overview.of(page, draft, List.of(), "draft.staleRefused")));
            }
            String reason = comment == null || comment.isBlank() ? null : comment.strip();
            if (reason != null && reason.length() > 1000) {
                reason = reason.substring(0, 1000);
            }
            RuleVersions.VersionInfo published;
            try {
                published = recorded.publish(candidates.sources(draft), person.getName(), reason);
            } catch (RulesRejected refused) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(View.of("console/rules/draft", page,
                        overview.of(page, draft, ProblemViews.of(draft.id(), ProblemViews.of(refused)), "draft.refused", reason)));
            }
            drafts.delete(draft.id(), person.getName());
            return HttpResponse.seeOther(URI.create("/console/rules/versions/" + published.version() + "?done=published"));
        });
    }

    /**
     * Runs the draft in shadow beside the active version (the same use case as {@code POST /api/rules/shadow}):
     * refused with the problems at their cells when the draft fails a check, as a publication would be.
     */
    @Post(value = "/{id}/shadow", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> shadow(HttpRequest<?> request, Authentication person, @PathVariable long id) {
        return access.page(request, person, id, (page, draft) -> {
            try {
                shadow.startChecked(candidates.sources(draft), person.getName());
            } catch (RulesRejected refused) {
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(View.of("console/rules/draft", page,
                        overview.of(page, draft, ProblemViews.of(draft.id(), ProblemViews.of(refused)), "draft.shadowRefused")));
            }
            return HttpResponse.seeOther(URI.create("/console/rules/shadow?draft=" + draft.id()));
        });
    }

    /**
     * Turns an audited decision into a test scenario in a new draft: its facts as the givens, its
     * outcome as the expectation ({@link ScenarioFromDecision}), appended to {@value ScenarioFromDecision#FILE}.
     * Published, it makes every later version that would treat this client otherwise fail its checks.
     */
    @Post(value = "/from-decision", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> fromDecision(Authentication person, @Body("decisionId") @Nullable String decisionId) {
        String document = decisionId == null ? null : audit.document(decisionId).orElse(null);
        if (document == null) {
            return HttpResponse.notFound();
        }
        Decision decision;
        try {
            decision = json.readValue(document, Decision.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String version = active.current().version();
        long id = drafts.create(person.getName(), "Scenario from decision " + decision.decisionId(), version);
        String name = "decision " + decision.decisionId() + " of " + decision.clientId();
        String existing = active.current().sources().stream().filter(f -> f.path().equals(ScenarioFromDecision.FILE))
                .findFirst().map(com.clientvalue.rules.RuleSource::text).orElse(ScenarioFromDecision.headerLine() + "\n");
        String file = (existing.endsWith("\n") ? existing : existing + "\n") + ScenarioFromDecision.line(decision, name) + "\n";
        drafts.saveFile(id, person.getName(), ScenarioFromDecision.FILE, file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HttpResponse.seeOther(URI.create("/console/rules/drafts/" + id + "/tables/" + ScenarioFromDecision.FILE + "?done=scenario"));
    }

    /**
     * Moves a draft whose base is no longer active onto the active version: each file the draft changed
     * is merged row by row with what the active version changed meanwhile ({@link DraftRebase}). Rows
     * both changed differently refuse the move (409, the conflicts listed) unless {@code keep} says whose
     * rows they keep: {@code mine} or {@code theirs}.
     */
    @Post(value = "/{id}/rebase", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> rebase(HttpRequest<?> request, Authentication person, @PathVariable long id, @Body("keep") @Nullable String keep) {
        return access.page(request, person, id, (page, draft) -> {
            DraftMerge.Keep settle = "mine".equals(keep) ? DraftMerge.Keep.MINE : "theirs".equals(keep) ? DraftMerge.Keep.THEIRS
                    : DraftMerge.Keep.NONE;
            String target = active.current().version();
            if (draft.baseVersion().equals(target)) {
                return HttpResponse.seeOther(URI.create("/console/rules/drafts/" + id));
            }
            DraftRebase.Outcome outcome = rebasing.rebase(draft, target, settle);
            if (!outcome.conflicts().isEmpty()) {
                return HttpResponse.status(HttpStatus.CONFLICT).body(View.of("console/rules/draft", page,
                        overview.conflicted(page, draft, outcome.conflicts())));
            }
            if (!outcome.moved()) {
                return HttpResponse.status(HttpStatus.CONFLICT).body(View.of("console/rules/draft", page,
                        overview.of(page, draft, List.of(), "draft.rebaseRaced")));
            }
            return HttpResponse.seeOther(URI.create("/console/rules/drafts/" + id + "?done="
                    + (outcome.merged().isEmpty() ? "rebased" : "rebasedMerged")));
        });
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(Authentication person, @PathVariable long id) {
        drafts.delete(id, person.getName());
        return HttpResponse.seeOther(URI.create("/console/rules"));
    }
}
