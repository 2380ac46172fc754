package com.clientvalue.console.rules;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.governance.shadow.ShadowRun;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.List;

/**
 * {@code /console/rules/shadow}: the shadow run beside the active version and its differences as
 * they accumulate (the running part refreshes itself every 5 s through htmx), the earlier runs with
 * their reports, and, for an analyst, dropping the running one. The same use cases as
 * {@code /api/rules/shadow}.
 */
@Hidden
@Controller("/console/rules/shadow")
@Secured({Roles.ANALYST, Roles.AUDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ShadowPages {
    private final ShadowRun shadow;
    private final ConsoleUi ui;

    ShadowPages(ShadowRun shadow, ConsoleUi ui) {
        this.shadow = shadow;
        this.ui = ui;
    }

    /** What the shadow page shows: the running run (or none), earlier runs, and the draft it came from, if one. */
    public record ShadowPage(@Nullable ShadowRun.ShadowReport running, List<ShadowRun.ShadowReport> earlier, @Nullable Long draft) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, Authentication person, @Nullable @QueryValue Long draft) {
        ShadowPage page = new ShadowPage(shadow.running().orElse(null),
                shadow.list(20).stream().filter(r -> r.endedAt() != null).toList(), draft);
        boolean part = request.getHeaders().contains("HX-Request");
        return HttpResponse.ok(View.of(part ? "console/rules/shadow-live" : "console/rules/shadow", ui.of(request, person, "rules"), page));
    }

    @Post(value = "/stop", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.ANALYST)
    HttpResponse<?> stop(Authentication person) {
        shadow.stop(person.getName());
        return HttpResponse.seeOther(URI.create("/console/rules/shadow"));
    }
}
