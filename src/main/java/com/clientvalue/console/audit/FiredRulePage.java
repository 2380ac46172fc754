package com.clientvalue.console.audit;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.decision.Decision;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Error;
import com.clientvalue.audit.DecisionNotAudited;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * {@code /console/audit/decisions/{id}/rules/{ruleId}}: a rule that fired in a decision, in its row
 * of the table of the version that decided, as the audit names it (file, table, row).
 */
@Hidden
@Controller("/console/audit/decisions/{decisionId}/rules/{ruleId}")
@Secured(Roles.AUDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class FiredRulePage {
    private final DecisionDocuments documents;
    private final VersionTables tables;
    private final ConsoleUi ui;
    private final MissingPage missing;

    FiredRulePage(DecisionDocuments documents, VersionTables tables, ConsoleUi ui, MissingPage missing) {
        this.missing = missing;
        this.documents = documents;
        this.tables = tables;
        this.ui = ui;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> rule(HttpRequest<?> request, Authentication person, @PathVariable String decisionId,
                                           @PathVariable String ruleId) {
        Decision decision = documents.read(decisionId).decision();
        RuleDescriptor fired = decision.firedRules().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new RuleDidNotFire(decisionId, ruleId));
        return new ModelAndView<>("console/audit/rule", Map.of("ui", ui.of(request, person, "audit"),
                "page", new FiredRuleView(decision, tables.show(fired, decision.ruleVersion()))));
    }

    @Error(exception = DecisionNotAudited.class)
    HttpResponse<?> decisionNotAudited(HttpRequest<?> request, DecisionNotAudited refused) {
        return missing.answer(request, "audit.missing.decision", String.valueOf(refused.getParameters().get("decisionId")));
    }

    @Error(exception = RuleDidNotFire.class)
    HttpResponse<?> ruleDidNotFire(HttpRequest<?> request, RuleDidNotFire refused) {
        return missing.answer(request, "audit.missing.rule", refused.ruleId());
    }
}
