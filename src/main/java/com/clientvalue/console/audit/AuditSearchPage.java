package com.clientvalue.console.audit;

import com.clientvalue.audit.AuditQuery;
import com.clientvalue.audit.AuditSummary;
import com.clientvalue.console.ConsoleUi;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.List;
import java.util.Map;

/** {@code /console/audit}: the decision search, the same filters and the same query as GET /api/audit/decisions. */
@Hidden
@Controller("/console/audit")
@Secured(Roles.AUDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditSearchPage {
    static final int PAGE_SIZE = 25;
    private final AuditQuery query;
    private final ConsoleUi ui;

    AuditSearchPage(AuditQuery query, ConsoleUi ui) {
        this.query = query;
        this.ui = ui;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> search(HttpRequest<?> request, Authentication person,
                                             @Nullable @QueryValue String clientId, @Nullable @QueryValue String ruleId,
                                             @Nullable @QueryValue String ruleVersion, @Nullable @QueryValue String cluster,
                                             @Nullable @QueryValue String whatIf, @Nullable @QueryValue String asOfFrom,
                                             @Nullable @QueryValue String asOfTo, @Nullable @QueryValue String decidedFrom,
                                             @Nullable @QueryValue String decidedTo, @Nullable @QueryValue Integer page) {
        SearchForm form = SearchForm.of(clientId, ruleId, ruleVersion, cluster, whatIf, asOfFrom, asOfTo, decidedFrom, decidedTo);
        int number = page == null || page < 0 ? 0 : Math.min(page, 100_000);
        List<String> problems = form.problems();
        SearchResults shown;
        if (problems.isEmpty()) {
            var found = query.find(form.filter(), number, PAGE_SIZE);
            shown = new SearchResults(form, problems, found.items(), number, found.total(), PAGE_SIZE);
        } else {
            shown = new SearchResults(form, problems, null, number, 0, PAGE_SIZE);
        }
        return new ModelAndView<>("console/audit/search", Map.of("ui", ui.of(request, person, "audit"), "page", shown));
    }
}
