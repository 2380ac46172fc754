package com.clientvalue.console.audit;

import com.clientvalue.console.ConsoleUi;
import com.clientvalue.console.Ui;
import com.clientvalue.governance.replay.DecisionReplay;
import com.clientvalue.governance.replay.ReplayReport;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleVersions;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Error;
import com.clientvalue.audit.DecisionNotAudited;
import com.clientvalue.rules.RuleVersionNotFound;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /console/audit/decisions/{id}}: one decision as audited, and its replay under another
 * stored version through the replay use case of POST /api/audit/decisions/{id}/replay.
 */
@Hidden
@Controller("/console/audit/decisions/{decisionId}")
@Secured(Roles.AUDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class DecisionPage {
    private final DecisionDocuments documents;
    private final RuleVersions versions;
    private final DecisionReplay replay;
    private final ConsoleUi ui;
    private final MissingPage missing;

    DecisionPage(DecisionDocuments documents, RuleVersions versions, DecisionReplay replay, ConsoleUi ui, MissingPage missing) {
        this.missing = missing;
        this.documents = documents;
        this.versions = versions;
        this.replay = replay;
        this.ui = ui;
    }

    /**
     * The decision, and with {@code replay} (a stored version; blank for the active one) its replay.
     * A replay writes nothing, so the console asks for it with GET, which also keeps it out of reach
     * of the CSRF filter's form-body parsing (micronaut-security#1984 fails some form posts with a 500).
     * htmx asks for the result only; a plain form gets the decision page with the result in it.
     */
    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> decision(HttpRequest<?> request, Authentication person, @PathVariable String decisionId,
                                               @Nullable @QueryValue String replay) {
        Ui shown = ui.of(request, person, "audit");
        DecisionView page = view(shown, decisionId);
        if (replay == null) {
            return new ModelAndView<>("console/audit/decision", Map.of("ui", shown, "page", page));
        }
        ReplayView replayed = replayed(shown, this.replay.replay(decisionId, replay.isBlank() ? null : replay.trim()));
        boolean partial = request.getHeaders().contains("HX-Request");
        return new ModelAndView<>(partial ? "console/audit/replayResult" : "console/audit/decision",
                Map.of("ui", shown, "page", page.withReplay(replayed)));
    }

    private DecisionView view(Ui shown, String decisionId) {
        DecisionDocuments.Stored stored = documents.read(decisionId);
        String kind = stored.decision().serviceRequest() == null ? "CLIENT" : "SERVICE_REQUEST";
        return new DecisionView(stored.decision(), kind, DecisionDocuments.fields(shown, stored.section("facts")),
                DecisionDocuments.fields(shown, stored.section("outcome")), versions.find(stored.decision().ruleVersion()).orElse(null),
                versions.list(), null);
    }

    private ReplayView replayed(Ui shown, ReplayReport report) {
        Map<String, Object> original = documents.tree(report.originalOutcome());
        Map<String, Object> replayed = documents.tree(report.replayOutcome());
        Set<String> names = new LinkedHashSet<>(original.keySet());
        names.addAll(replayed.keySet());
        List<ReplayView.Difference> outcome = names.stream().map(name -> new ReplayView.Difference(DecisionDocuments.label(shown, name),
                AuditText.value(shown, original.get(name)), AuditText.value(shown, replayed.get(name)))).toList();
        List<RuleDescriptor> onlyInReplay = report.replayFiredRules().stream()
                .filter(r -> report.rulesOnlyInReplay().contains(r.ruleId())).distinct().toList();
        return new ReplayView(report, outcome, onlyInReplay);
    }

    @Error(exception = DecisionNotAudited.class)
    HttpResponse<?> decisionNotAudited(HttpRequest<?> request, DecisionNotAudited refused) {
        return missing.answer(request, "audit.missing.decision", String.valueOf(refused.getParameters().get("decisionId")));
    }

    @Error(exception = RuleVersionNotFound.class)
    HttpResponse<?> ruleVersionNotFound(HttpRequest<?> request, RuleVersionNotFound refused) {
        return missing.answer(request, "audit.missing.version", String.valueOf(refused.getParameters().get("version")));
    }
}
