package com.clientvalue.console.scenarios;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.governance.scenario.ScenarioCheck;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.security.Roles;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** {@code /console/scenarios}: every scenario of the active version with its result; {@code ?failed=true} shows the failing ones only. */
@Hidden
@Controller("/console/scenarios")
@Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
class ScenariosController {
    private final ActiveRuleBase active;
    private final ScenarioCheck scenarios;
    private final ConsoleUi ui;
    /** The outcomes of the last version shown: a version's scenarios always give the same results. */
    private final AtomicReference<Ran> last = new AtomicReference<>();

    ScenariosController(ActiveRuleBase active, ScenarioCheck scenarios, ConsoleUi ui) {
        this.active = active;
        this.scenarios = scenarios;
        this.ui = ui;
    }

    private record Ran(String version, List<ScenarioCheck.FileOutcome> files) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication person, @QueryValue Optional<Boolean> failed) {
        RuleBase rules = active.current();
        Ran ran = last.get();
        if (ran == null || !ran.version().equals(rules.version())) {
            ran = new Ran(rules.version(), scenarios.outcomes(rules, rules.sources()));
            last.set(ran);
        }
        long total = ran.files().stream().mapToLong(f -> f.scenarios().size() + f.unreadable().size()).sum();
        long failing = ran.files().stream().mapToLong(ScenarioCheck.FileOutcome::failed).sum();
        return new ModelAndView<>("console/scenarios/list", Map.of("ui", ui.of(request, person, "scenarios"),
                "page", new ScenariosPage(rules.version(), ran.files(), total, failing, failed.orElse(false))));
    }
}
