package com.clientvalue.console.audit;

import com.clientvalue.audit.AdminLog;
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

/** {@code /console/audit/log}: who did what to the service, newest first, paged back as GET /api/admin/events is. */
@Hidden
@Controller("/console/audit/log")
@Secured({Roles.ADMIN, Roles.AUDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminLogPage {
    static final int PAGE_SIZE = 50;
    private final AdminLog log;
    private final ConsoleUi ui;

    AdminLogPage(AdminLog log, ConsoleUi ui) {
        this.log = log;
        this.ui = ui;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> events(HttpRequest<?> request, Authentication person, @Nullable @QueryValue Long beforeId) {
        // one more than shown tells whether there is an older page
        List<AdminLog.AdminEvent> found = log.list(beforeId, PAGE_SIZE + 1);
        List<AdminLog.AdminEvent> shown = found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found;
        Long older = found.size() > PAGE_SIZE ? shown.get(shown.size() - 1).id() : null;
        return new ModelAndView<>("console/audit/log", Map.of("ui", ui.of(request, person, "audit"),
                "page", new AdminEvents(shown, beforeId, older)));
    }
}
