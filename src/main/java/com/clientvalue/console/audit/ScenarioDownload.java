package com.clientvalue.console.audit;

import com.clientvalue.governance.scenario.ScenarioFromDecision;
import com.clientvalue.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;

import java.nio.charset.StandardCharsets;

/**
 * An audited decision as a test scenario file (the header of rules/tests/audited.csv and one row):
 * an auditor hands it to an analyst, who adds it to a draft (or uploads it as that file).
 */
@Hidden
@Controller("/console/audit/decisions/{decisionId}/scenario.csv")
@Secured(Roles.AUDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class ScenarioDownload {
    private final DecisionDocuments documents;

    ScenarioDownload(DecisionDocuments documents) {
        this.documents = documents;
    }

    @Get(produces = "text/csv;charset=utf-8")
    HttpResponse<byte[]> download(@PathVariable String decisionId) {
        var decision = documents.read(decisionId).decision();
        String file = ScenarioFromDecision.headerLine() + "\n"
                + ScenarioFromDecision.line(decision, "decision " + decision.decisionId() + " of " + decision.clientId()) + "\n";
        return HttpResponse.ok(file.getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"scenario-" + decision.decisionId() + ".csv\"");
    }
}
