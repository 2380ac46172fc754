package com.clientvalue.governance.scenario;

import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.decision.Decision;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audited decisions become scenarios that pass on the rules that decided them, and catch a change of treatment. */
@MicronautTest(transactional = false)
class ScenarioFromDecisionIntegrationTest extends HttpIntegrationTest {
    @Inject
    ActiveRuleBase active;
    @Inject
    ScenarioCheck check;

    @BeforeEach
    void portfolio() {
        db.clear();
        api().importCsv("clients", """
                client_id,name,country,sector,employees,potential,loss_reason
                KEYCO,Key Co,Italy,Retail,40,80,
                QUIET,Quiet Co,France,,,30,
                LOSTCO,Lost Co,Italy,,,55,moved abroad
                """);
        api().importCsv("orders", """
                client_id,order_id,order_date,amount,margin
                KEYCO,K1,2011-01-10,90000.00,20000.00
                KEYCO,K2,2011-06-10,80000.00,16000.00
                KEYCO,K3,2011-11-20,70000.00,14000.00
                QUIET,Q1,2010-02-01,300.00,
                LOSTCO,L1,2011-03-01,500.00,
                """);
        api().importCsv("surveys", """
                client_id,survey_date,expectation,experience
                KEYCO,2011-10-01,5,2
                """);
    }

    @Test
    void everyKindOfAuditedDecisionBecomesAScenarioThatPassesOnItsRules() throws Exception {
        List<Decision> decisions = new ArrayList<>();
        for (String client : List.of("KEYCO", "QUIET", "LOSTCO")) {
            decisions.add(audited(api().post("/api/decisions", Map.of("clientId", client, "asOf", "2011-12-10"))));
        }
        // a second decision has a previous one; a service request adds its givens and expectation
        decisions.add(audited(api().post("/api/decisions", Map.of("clientId", "KEYCO", "asOf", "2011-12-11"))));
        decisions.add(audited(api().post("/api/decisions/service-requests",
                Map.of("clientId", "QUIET", "service", "TECHNICAL_SUPPORT", "paid", false, "asOf", "2011-12-12"))));

        StringBuilder file = new StringBuilder(ScenarioFromDecision.headerLine()).append('\n');
        for (int i = 0; i < decisions.size(); i++) {
            file.append(ScenarioFromDecision.line(decisions.get(i), "audited " + i + " " + decisions.get(i).clientId())).append('\n');
        }
        RuleBase rules = active.current();
        List<RuleSource> sources = new ArrayList<>(rules.sources());
        sources.add(new RuleSource(ScenarioFromDecision.FILE, file.toString().getBytes(StandardCharsets.UTF_8)));

        ScenarioCheck.FileOutcome audited = check.outcomes(rules, sources).stream()
                .filter(f -> f.path().equals(ScenarioFromDecision.FILE)).findFirst().orElseThrow();
        assertTrue(audited.unreadable().isEmpty(), () -> "every row reads: " + audited.unreadable() + "\n" + file);
        assertEquals(decisions.size(), audited.scenarios().size());
        for (ScenarioCheck.Outcome outcome : audited.scenarios()) {
            assertTrue(outcome.passed(), () -> outcome.name() + ": " + outcome.mismatches() + "\n" + file);
        }
        assertTrue(file.toString().contains("moved abroad"), "the loss reason is a given");
        assertTrue(file.toString().contains("TECHNICAL_SUPPORT,false"), "the request is a given: " + file);
    }

    @Test
    void aScenarioFromADecisionFailsWhenTheRulesWouldTreatTheClientOtherwise() throws Exception {
        Decision key = audited(api().post("/api/decisions", Map.of("clientId", "KEYCO", "asOf", "2011-12-10")));
        assertEquals("KEY", key.outcome().cluster().name());
        // the same facts, but the decision remembered as MARGINAL: the real rules disagree, the scenario says so
        Map<String, String> cells = ScenarioFromDecision.cells(key, "key client");
        cells.put("expect cluster", "MARGINAL");
        String file = ScenarioFromDecision.headerLine() + "\n" + String.join(",", cells.values().stream()
                .map(v -> v.contains(",") || v.contains(" ") ? "\"" + v + "\"" : v).toList()) + "\n";
        RuleBase rules = active.current();
        List<RuleSource> sources = new ArrayList<>(rules.sources());
        sources.add(new RuleSource(ScenarioFromDecision.FILE, file.getBytes(StandardCharsets.UTF_8)));
        ScenarioCheck.Outcome outcome = check.outcomes(rules, sources).stream()
                .filter(f -> f.path().equals(ScenarioFromDecision.FILE)).findFirst().orElseThrow().scenarios().get(0);
        assertFalse(outcome.passed());
        assertTrue(outcome.mismatches().get(0).startsWith("expect cluster"), outcome.mismatches().toString());
    }

    private Decision audited(Map<String, Object> answer) throws java.io.IOException {
        String document = api().getRaw("/api/audit/decisions/" + answer.get("decisionId"));
        return json.readValue(document, Decision.class);
    }
}
