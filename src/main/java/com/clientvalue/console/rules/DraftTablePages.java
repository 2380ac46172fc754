package com.clientvalue.console.rules;

import com.clientvalue.rules.RulePublisher;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import com.clientvalue.rules.SpreadsheetRows;
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

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;


/**
 * A draft's files: the grid of one file (with the latest validation's problems at their cells), its
 * save, and the file as CSV, out and back in. The grid posts JSON with the CSRF header, checked here.
 */
@Hidden
@Secured(Roles.ANALYST)
@Controller("/console/rules/drafts")
@ExecuteOn(TaskExecutors.BLOCKING)
class DraftTablePages {
    private final Drafts drafts;
    private final DraftAccess access;
    private final DraftCandidates candidates;
    private final DraftRunner runner;
    private final TableView tables;

    DraftTablePages(Drafts drafts, DraftAccess access, DraftCandidates candidates, DraftRunner runner, TableView tables) {
        this.drafts = drafts;
        this.access = access;
        this.candidates = candidates;
        this.runner = runner;
        this.tables = tables;
    }

    @Get(value = "/{id}/tables/{+path}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> table(HttpRequest<?> request, Authentication person, @PathVariable long id, @PathVariable String path,
                          @Nullable @QueryValue String upload) {
        return access.page(request, person, id, (page, draft) -> candidates.file(draft, path)
                .<HttpResponse<?>>map(source -> {
                    Optional<RulePublisher.ValidationReport> checked = runner.currentValidation(draft);
                    List<RuleProblem> problems = checked.map(RulePublisher.ValidationReport::problems).orElse(List.of());
                    return HttpResponse.ok(View.of("console/rules/table", page,
                            tables.of(page, draft, draft.baseVersion(), source, true, problems, checked.isPresent(), upload)));
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
        if (!found.get().updatedAt().toString().equals(body.revision())) {
            // saved meanwhile from another page: saving this one would silently undo that save
            return HttpResponse.status(HttpStatus.CONFLICT).body(new SaveResult(false,
                    "the draft was saved from another page since this one was opened; reload it"));
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
    record SaveResult(boolean saved, String message) {
    }

    /** The lines of one file as the grid sends them, and the draft's revision (its last save) the page was opened on. */
    @io.micronaut.serde.annotation.Serdeable
    record SaveRequest(@Nullable String path, @Nullable List<SavedLines.Line> lines, @Nullable String revision) {
    }

    /** The file chosen as the page read it: a CSV file's text, or a spreadsheet's bytes in base64 (format xlsx). */
    @io.micronaut.serde.annotation.Serdeable
    record UploadRequest(@Nullable String path, @Nullable String content, @Nullable String format) {
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

    /** One file of the draft as a spreadsheet (.xlsx), every cell as text. */
    @Get(value = "/{id}/xlsx/{+path}")
    HttpResponse<?> downloadSpreadsheet(Authentication person, @PathVariable long id, @PathVariable String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replace(".csv", ".xlsx");
        return drafts.find(id, person.getName()).flatMap(draft -> candidates.file(draft, path))
                .filter(source -> RuleGrid.editable(source.path()))
                .<HttpResponse<?>>map(source -> HttpResponse.ok(SpreadsheetCopy.of(RuleGrid.of(source)))
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .header("Content-Disposition", "attachment; filename=\"" + name + "\""))
                .orElseGet(HttpResponse::notFound);
    }

    /** A CSV file (or a spreadsheet) uploaded in place of one of the draft's files; the checks judge it like any edit when the draft is validated. */
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
        List<List<String>> rows;
        try {
            rows = "xlsx".equals(body.format()) ? SpreadsheetRows.of(Base64.getDecoder().decode(body.content()))
                    : RuleGrid.parse(body.content());
        } catch (IOException | IllegalArgumentException | RuleGrid.UnreadableCsv unreadable) {
            return HttpResponse.badRequest(new SaveResult(false, "unreadable"));
        }
        // the lines it did not change stay as the file wrote them; a spreadsheet's row keeps the width of the line it replaces
        List<RuleGrid.Line> before = RuleGrid.of(candidates.file(draft.get(), path).orElseThrow()).lines();
        byte[] bytes = RuleGrid.write(RuleGrid.widened(rows, before), before);
        drafts.saveFile(id, person.getName(), path, candidates.toKeep(draft.get(), path, bytes));
        return HttpResponse.ok(new SaveResult(true, "done"));
    }
}
