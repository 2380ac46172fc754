package com.clientvalue.console.rules;

import com.clientvalue.audit.AdminLog;
import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.Ui;
import com.clientvalue.governance.impact.ImpactPreview;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RulePublisher;
import com.clientvalue.rules.RuleSource;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An analyst's drafts: create one from the active version, edit its tables, validate it, preview
 * its impact and publish it. Every check goes through the use cases the API uses for an uploaded
 * zip ({@code RulePublisher}, {@code ImpactPreview}); a draft is only ever the owner's.
 */
@Hidden
@Secured(Roles.ANALYST)
@Controller("/console/rules/drafts")
@ExecuteOn(TaskExecutors.BLOCKING)
class DraftPages {
    private final Drafts drafts;
    private final DraftCandidates candidates;
    private final DraftChecks checks;
    private final ActiveRuleBase active;
    private final RulePublisher publisher;
    private final ImpactPreview impact;
    private final RuleVersions versions;
    private final ConsoleUi ui;
    private final RulesPages tables;
    private final AdminLog log;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber")
    DraftPages(Drafts drafts, DraftCandidates candidates, DraftChecks checks, ActiveRuleBase active, RulePublisher publisher,
               ImpactPreview impact, RuleVersions versions, ConsoleUi ui, RulesPages tables, AdminLog log, Clock clock) {
        this.drafts = drafts;
        this.candidates = candidates;
        this.checks = checks;
        this.active = active;
        this.publisher = publisher;
        this.impact = impact;
        this.versions = versions;
        this.ui = ui;
        this.tables = tables;
        this.log = log;
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
        return withDraft(request, person, id, (page, draft) -> HttpResponse.ok(View.of("console/rules/draft", page,
                draftPage(page, draft, List.of(), done == null ? null : "draft." + done))));
    }

    private Pages.DraftPage draftPage(Ui page, Draft draft, List<Pages.ProblemView> refused, @Nullable String message) {
        RuleBase current = active.current();
        List<RuleSource> base = candidates.base(draft);
        List<RuleSource> mine = candidates.sources(draft);
        List<TableDiff.FileChange> meanwhile = draft.baseVersion().equals(current.version()) ? List.of()
                : TableDiff.between(base, current.sources());
        return new Pages.DraftPage(page, draft, current.version(), RulesPages.areas(current.files(), mine, draft.files().keySet()),
                TableDiff.between(base, mine), meanwhile, refused, message);
    }

    @Get(value = "/{id}/tables/{+path}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> table(HttpRequest<?> request, Authentication person, @PathVariable long id, @PathVariable String path,
                          @Nullable @QueryValue String upload) {
        return withDraft(request, person, id, (page, draft) -> candidates.file(draft, path)
                .<HttpResponse<?>>map(source -> {
                    Optional<RulePublisher.ValidationReport> checked = checks.of(draft);
                    List<RuleProblem> problems = checked.map(RulePublisher.ValidationReport::problems).orElse(List.of());
                    return HttpResponse.ok(View.of("console/rules/table", page,
                            tables.table(page, draft, draft.baseVersion(), source, true, problems, checked.isPresent(), upload)));
                })
                .orElseGet(() -> RulesPages.notFound(page)));
    }

    /** Saves one file's lines from the grid: the rule rows as edited, the other rows exactly as they were. */
    @Post(value = "/{id}/save", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> save(HttpRequest<?> request, Authentication person, @PathVariable long id, @Body SaveRequest body) {
        if (!CsrfHeader.matches(request, person)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new SaveResult(false, "the page is out of date: reload it"));
        }
        if (body.path() == null || body.lines() == null) {
            return HttpResponse.badRequest(new SaveResult(false, "path and lines are required"));
        }
        Optional<Draft> found = drafts.find(id, person.getName());
        String path = body.path();
        Optional<RuleSource> source = found.filter(d -> RuleGrid.editable(path)).flatMap(d -> candidates.file(d, path));
        if (source.isEmpty()) {
            return HttpResponse.notFound(new SaveResult(false, "no such draft or file"));
        }
        if (body.lines().stream().anyMatch(l -> l == null || l.k() == null || l.c() == null)) {
            return HttpResponse.badRequest(new SaveResult(false, "the lines cannot be read"));
        }
        RuleGrid before = RuleGrid.of(source.get());
        if (!SavedLines.structure(body.lines()).equals(before.structure())) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new SaveResult(false,
                    "the technical rows and the column titles are read-only; reload the table"));
        }
        byte[] content = RuleGrid.write(SavedLines.rows(body.lines()), before.lines());
        drafts.saveFile(id, person.getName(), path, candidates.toKeep(found.get(), path, content));
        return HttpResponse.ok(new SaveResult(true, "saved"));
    }

    @io.micronaut.serde.annotation.Serdeable
    record SaveRequest(@Nullable String path, @Nullable List<SavedLines.Line> lines) {
    }

    @io.micronaut.serde.annotation.Serdeable
    record UploadRequest(@Nullable String path, @Nullable String content) {
    }

    @io.micronaut.serde.annotation.Serdeable
    record SaveResult(boolean saved, String message) {
    }

    @Get(value = "/{id}/validation", produces = MediaType.TEXT_HTML)
    HttpResponse<?> validate(HttpRequest<?> request, Authentication person, @PathVariable long id) {
        return withDraft(request, person, id, (page, draft) -> {
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
        return withDraft(request, person, id, (page, draft) -> {
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

    /** Publishes the draft through the same use case as {@code POST /api/rules/versions}; the draft is gone once published. */
    @Post(value = "/{id}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> publish(HttpRequest<?> request, Authentication person, @PathVariable long id,
                            @Body("comment") @Nullable String comment) {
        return withDraft(request, person, id, (page, draft) -> {
            if (!draft.baseVersion().equals(active.current().version())) {
                return HttpResponse.status(HttpStatus.CONFLICT).body(View.of("console/rules/draft", page,
                        draftPage(page, draft, List.of(), "draft.staleRefused")));
            }
            String reason = comment == null || comment.isBlank() ? null : comment.strip();
            if (reason != null && reason.length() > 1000) {
                reason = reason.substring(0, 1000);
            }
            String from = active.current().version();
            RuleVersions.VersionInfo published;
            try {
                published = publisher.publish(candidates.sources(draft), person.getName(), reason);
            } catch (RulesRejected refused) {
                log.recordApart(person.getName(), "RULES_REFUSED", null, refused.getDetail()
                        + (reason == null ? "" : " (comment '" + reason + "')"));
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(View.of("console/rules/draft", page,
                        draftPage(page, draft, ProblemViews.of(draft.id(), ProblemViews.of(refused)), "draft.refused")));
            }
            log.record(person.getName(), "RULES_PUBLISHED", published.version(), (from.equals(published.version())
                    ? "already the active version: nothing changed" : "published over " + from)
                    + (reason == null ? "" : " with comment '" + reason + "'") + "; " + published.checks());
            drafts.delete(draft.id(), person.getName());
            return HttpResponse.seeOther(URI.create("/console/rules/versions/" + published.version() + "?done=published"));
        });
    }

    /** Moves a draft whose base is no longer active onto the active version, keeping the draft's own files. */
    @Post(value = "/{id}/rebase", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rebase(Authentication person, @PathVariable long id) {
        drafts.rebase(id, person.getName(), active.current().version());
        return HttpResponse.seeOther(URI.create("/console/rules/drafts/" + id + "?done=rebased"));
    }

    @Post(value = "/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(Authentication person, @PathVariable long id) {
        drafts.delete(id, person.getName());
        return HttpResponse.seeOther(URI.create("/console/rules"));
    }

    /** One file of the draft as CSV, to edit in a spreadsheet and upload again. */
    @Get(value = "/{id}/csv/{+path}")
    HttpResponse<?> download(Authentication person, @PathVariable long id, @PathVariable String path) {
        return drafts.find(id, person.getName()).flatMap(draft -> candidates.file(draft, path))
                .filter(source -> RuleGrid.editable(source.path()))
                .<HttpResponse<?>>map(source -> HttpResponse.ok(source.content()).contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + path.substring(path.lastIndexOf('/') + 1) + "\""))
                .orElseGet(HttpResponse::notFound);
    }

    /** A CSV file uploaded in place of one of the draft's files; the checks judge it like any edit when the draft is validated. */
    @Post(value = "/{id}/upload", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> upload(HttpRequest<?> request, Authentication person, @PathVariable long id, @Body UploadRequest body) {
        if (!CsrfHeader.matches(request, person)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new SaveResult(false, "the page is out of date: reload it"));
        }
        String path = body.path();
        Optional<Draft> draft = drafts.find(id, person.getName());
        if (path == null || body.content() == null) {
            return HttpResponse.badRequest(new SaveResult(false, "path and content are required"));
        }
        if (draft.isEmpty() || !RuleGrid.editable(path) || candidates.file(draft.get(), path).isEmpty() || body.content().isBlank()) {
            return HttpResponse.notFound(new SaveResult(false, "refused"));
        }
        try {
            RuleGrid.parse(body.content());
        } catch (RuleGrid.UnreadableCsv unreadable) {
            return HttpResponse.badRequest(new SaveResult(false, "unreadable"));
        }
        byte[] bytes = body.content().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        drafts.saveFile(id, person.getName(), path, candidates.toKeep(draft.get(), path, bytes));
        return HttpResponse.ok(new SaveResult(true, "done"));
    }

    private HttpResponse<?> withDraft(HttpRequest<?> request, Authentication person, long id,
                                      java.util.function.BiFunction<Ui, Draft, HttpResponse<?>> page) {
        Ui view = ui.of(request, person, "rules");
        return drafts.find(id, person.getName()).<HttpResponse<?>>map(draft -> page.apply(view, draft))
                .orElseGet(() -> RulesPages.notFound(view));
    }
}
