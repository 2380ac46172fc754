package com.clientvalue.console.rules;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.Ui;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleFileSummary;
import com.clientvalue.rules.RecordedPublisher;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Rules screens everyone who reads rules sees: the active version's areas and tables, a table
 * as a grid (read-only), the published versions with their table-aware diff, and rollback (ADMIN,
 * through the same activation use case as the API, checks included).
 */
@Hidden
@Controller("/console/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class RulesPages {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private final ActiveRuleBase active;
    private final RuleVersions versions;
    private final RecordedPublisher recorded;
    private final Drafts drafts;
    private final ConsoleUi ui;
    private final TableView tableView;

    RulesPages(ActiveRuleBase active, RuleVersions versions, RecordedPublisher recorded, Drafts drafts, ConsoleUi ui,
               TableView tableView) {
        this.active = active;
        this.versions = versions;
        this.recorded = recorded;
        this.drafts = drafts;
        this.ui = ui;
        this.tableView = tableView;
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> home(HttpRequest<?> request, Authentication person) {
        Ui page = ui.of(request, person, "rules");
        RuleBase current = active.current();
        List<Draft> own = page.editsRules() ? drafts.list(person.getName()) : List.of();
        return View.of("console/rules/home", page, new Pages.Home(page, current.version(), WHEN.format(current.loadedAt()),
                current.rules().size(), areas(current.files(), current.sources(), Set.of()), own));
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get(value = "/tables/{+path}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> table(HttpRequest<?> request, Authentication person, @PathVariable String path, @Nullable @QueryValue Integer days) {
        RuleBase current = active.current();
        Ui page = ui.of(request, person, "rules");
        int period = days != null && TableView.FIRING_DAYS.contains(days) ? days : TableView.FIRING_DAYS.get(0);
        return current.sources().stream().filter(s -> s.path().equals(path)).findFirst()
                .<HttpResponse<?>>map(source -> HttpResponse.ok(View.of("console/rules/table", page,
                        tableView.withFirings(page, current.version(), source, period))))
                .orElseGet(() -> notFound(page));
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get(value = "/versions", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> versions(HttpRequest<?> request, Authentication person) {
        Ui page = ui.of(request, person, "rules");
        return View.of("console/rules/versions", page, new Pages.Versions(page, versions.list()));
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get(value = "/versions/{version}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> version(HttpRequest<?> request, Authentication person, @PathVariable String version,
                            @Nullable @QueryValue String done) {
        Ui page = ui.of(request, person, "rules");
        return versions.find(version).<HttpResponse<?>>map(info -> HttpResponse.ok(View.of("console/rules/version", page,
                        versionPage(page, info, List.of(), done == null ? null : "versions." + done))))
                .orElseGet(() -> notFound(page));
    }

    private Pages.Version versionPage(Ui page, RuleVersions.VersionInfo info, List<Pages.ProblemView> refused, @Nullable String message) {
        // the first version is the whole rule set: no diff to read
        List<TableDiff.FileChange> changes = info.publishedOver() == null ? List.of()
                : TableDiff.between(versions.files(info.publishedOver()), versions.files(info.version()));
        return new Pages.Version(page, info, changes, refused, message);
    }

    @Secured(Roles.ADMIN)
    @Post(value = "/versions/{version}/activate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> activate(HttpRequest<?> request, Authentication person, @PathVariable String version,
                             @Body("comment") @Nullable String comment) {
        Ui page = ui.of(request, person, "rules");
        String reason = comment == null || comment.isBlank() ? null : comment.strip();
        if (reason != null && reason.length() > 1000) {
            reason = reason.substring(0, 1000);
        }
        try {
            RuleVersions.VersionInfo activated = recorded.activate(version, person.getName(), reason);
            return HttpResponse.seeOther(URI.create("/console/rules/versions/" + activated.version() + "?done=activated"));
        } catch (RulesRejected refused) {
            RuleVersions.VersionInfo info = versions.find(version).orElseThrow();
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(View.of("console/rules/version", page,
                    versionPage(page, info, ProblemViews.of(0, ProblemViews.of(refused)), "versions.refused")));
        }
    }

    static List<Pages.Area> areas(List<RuleFileSummary> summaries, List<RuleSource> sources, Set<String> changed) {
        Map<String, Integer> rules = new TreeMap<>();
        summaries.forEach(s -> rules.put(s.path(), s.rules()));
        Map<String, List<Pages.FileEntry>> byArea = new TreeMap<>();
        for (RuleSource source : sources) {
            String path = source.path();
            int slash = path.lastIndexOf('/');
            String area = slash < 0 ? "" : path.substring(0, slash);
            byArea.computeIfAbsent(area, a -> new ArrayList<>()).add(new Pages.FileEntry(path, path.substring(slash + 1),
                    RuleGrid.editable(path), rules.getOrDefault(path, 0), changed.contains(path)));
        }
        List<Pages.Area> areas = new ArrayList<>();
        byArea.forEach((name, files) -> areas.add(new Pages.Area(name, List.copyOf(files))));
        return areas;
    }

    static HttpResponse<?> notFound(Ui page) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(View.of("console/rules/not-found", page, page));
    }
}
