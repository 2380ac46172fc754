package com.clientvalue.console.client;

import com.clientvalue.client.ClientDirectory;
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

import java.util.HashMap;
import java.util.Map;

/** Finding a client by the beginning of its id or a part of its name, a page at a time. */
@Hidden
@Controller("/console/clients")
@Secured({Roles.CRM, Roles.ANALYST, Roles.AUDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class ClientList {
    static final int PAGE_SIZE = 50;
    private final ConsoleUi ui;
    private final ClientDirectory directory;

    ClientList(ConsoleUi ui, ClientDirectory directory) {
        this.ui = ui;
        this.directory = directory;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String q,
                                           @QueryValue(defaultValue = "0") int page) {
        String text = q == null ? "" : q.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        ClientDirectory.Found found = directory.search(text, Math.max(0, page), PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("ui", ui.of(request, person, "clients"));
        model.put("q", text);
        model.put("found", found);
        model.put("pages", (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return new ModelAndView<>("console/client/list", model);
    }
}
