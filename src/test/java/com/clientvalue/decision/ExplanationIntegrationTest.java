package com.clientvalue.decision;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decision's explanation, from the real rules folder: the analysts' sentences with the client's
 * figures, ordered by what they decided, technical rows apart, in English or Italian as the caller's
 * Accept-Language asks, and the audit holding the very text answered.
 */
@MicronautTest(transactional = false)
class ExplanationIntegrationTest extends HttpIntegrationTest {
    private static final List<String> ORDER = List.of("cluster", "lifecycle", "experience", "assessment", "actions", "categories",
            "service", "other");
    Api api;

    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nA,a,IT,90\nB,b,IT,35\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nA,O1,2011-10-01,1000\nB,O2,2011-10-01,10\n");
    }

    @Test
    void theExplanationQuotesTheClientsFiguresInTheAnalystsWordsByWhatItDecided() {
        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10"));
        List<Map<String, Object>> lines = lines(decision, "explanation");

        assertEquals("en", decision.get("language"));
        Map<String, Object> expected = new java.util.HashMap<>(Map.of("dimension", "cluster", "reasonCode", "CLU-KEY", "text",
                "Potential 90 (HIGH) and revenue class A (HIGH): a key client", "quoted",
                Map.of("potential", "90", "potentialLevel", "HIGH", "abcClass", "A", "revenueLevel", "HIGH"), "technical", false));
        expected.put("change", null); // the client's first decision
        assertEquals(expected, lines.get(0));
        List<String> dimensions = lines.stream().map(line -> (String) line.get("dimension")).toList();
        assertEquals(dimensions.stream().sorted(Comparator.comparingInt(ORDER::indexOf)).toList(), dimensions,
                "by what was decided, not in firing order");
        assertTrue(dimensions.contains("lifecycle") && dimensions.contains("actions"), dimensions.toString());

        // the intermediate levels are technical: kept, marked, and out of the short explanation
        List<Map<String, Object>> technical = lines(decision, "technicalExplanation");
        assertEquals(List.of("POT-HIGH", "REV-A"), technical.stream().map(line -> line.get("reasonCode")).toList());
        assertEquals("A potential of 90 is high", technical.get(0).get("text"));
        assertEquals(true, technical.get(0).get("technical"));
        assertFalse(lines.stream().anyMatch(line -> "POT-HIGH".equals(line.get("reasonCode"))));

        // every table quotes the figures its rows read: the lifecycle, the client's first order
        Map<String, Object> lifecycle = lines.stream().filter(line -> "lifecycle".equals(line.get("dimension"))).findFirst().orElseThrow();
        assertEquals("LC-NEW", lifecycle.get("reasonCode"));
        assertEquals("First order 70 days ago (less than 90): a new client", lifecycle.get("text"));
        assertEquals(Map.of("daysSinceFirstOrder", "70"), lifecycle.get("quoted"));
        assertEquals(false, lifecycle.get("technical"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fired = (List<Map<String, Object>>) decision.get("firedRules");
        assertEquals(fired.size(), lines.size() + technical.size(), "one line per rule that fired");
    }

    @Test
    void everyRowOfTheRealTablesHasAReasonInEnglishAndItalian() {
        List<String> without = RealRules.get().rules().stream().filter(rule -> rule.table() != null)
                .filter(rule -> RealRules.get().reason(rule.ruleId())
                        .map(reason -> reason.english() == null || reason.italian() == null).orElse(true))
                .map(rule -> rule.file() + " " + rule.ruleId()).toList();
        assertEquals(List.of(), without);
    }

    @Test
    void aRuleWithoutAReasonKeepsItsNameAndTheAssessmentWeightsAndBandsAreTechnical() {
        Map<String, Object> assessment = new java.util.HashMap<>();
        assessment.put("assessedOn", "2011-11-30");
        assessment.put("assessors", List.of("Anna Rossi"));
        assessment.put("competition", Map.of("risk", 4, "opportunity", 3));
        for (String dimension : List.of("serviceLevel", "knowledge", "product", "people")) {
            assessment.put(dimension, Map.of("risk", 2, "opportunity", 4));
        }
        api.post("/api/clients/A/assessments", assessment);

        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10"));
        List<Map<String, Object>> lines = lines(decision, "explanation");

        // the scoring rule of assessment-score.drl has no @reason: its line is its NAME, quoting nothing
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fired = (List<Map<String, Object>>) decision.get("firedRules");
        Map<String, Object> score = lines.stream().filter(line -> "ASM-SCORE".equals(line.get("reasonCode"))).findFirst().orElseThrow();
        assertEquals(fired.stream().filter(rule -> "ASM-SCORE".equals(rule.get("ruleId"))).findFirst().orElseThrow().get("name"),
                score.get("text"));
        assertEquals(Map.of(), score.get("quoted"));
        // risk (3x4 + 2x2 + 1x2 + 2x2 + 2x2) / 10 = 2.6, opportunity 3.7: a medium risk, a high opportunity
        assertEquals(List.of("ASM-W-COMPETITION", "ASM-W-SERVICE", "ASM-W-KNOWLEDGE", "ASM-W-PRODUCT", "ASM-W-PEOPLE", "ASM-RISK-MEDIUM",
                "ASM-OPP-HIGH"), lines(decision, "technicalExplanation").stream().map(line -> line.get("reasonCode"))
                .filter(code -> ((String) code).startsWith("ASM-")).toList());
        assertTrue(lines.stream().anyMatch(line -> "ASM-POS-DEVELOP".equals(line.get("reasonCode"))), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> "ASM-CRIT-COMPETITION".equals(line.get("reasonCode"))), lines.toString());
    }

    @Test
    void italianWhenTheCallerPrefersItAndTheAuditKeepsTheTextAnswered() {
        Api.Problem answer = api.answer(HttpRequest.POST("/api/decisions", Map.of("clientId", "B", "asOf", "2011-12-10"))
                .header("Accept-Language", "fr-CH, fr;q=0.9, it;q=0.8, en;q=0.5"));

        assertEquals(200, answer.status());
        assertEquals("it", answer.headers().get("Content-Language"));
        assertEquals("it", answer.body().get("language"));
        Map<String, Object> cluster = lines(answer.body(), "explanation").get(0);
        assertEquals("Potenziale 35 (LOW) e classe di fatturato C (LOW): un cliente marginale", cluster.get("text"));
        assertEquals("Un potenziale di 35 è basso", lines(answer.body(), "technicalExplanation").get(0).get("text"));

        Map<String, Object> audited = api.get("/api/audit/decisions/" + answer.body().get("decisionId"));
        assertEquals(answer.body().get("explanation"), audited.get("explanation"), "the audit keeps the exact text answered");
        assertEquals("it", audited.get("language"));
    }

    @Test
    void aClusterThatChangedSaysWhatItWasAndWhichQuotedFigureMoved() {
        api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10"));
        api.importCsv("clients", "client_id,name,country,potential\nA,a,IT,40\n");

        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10"));
        Map<String, Object> cluster = lines(decision, "explanation").get(0);
        assertEquals("CLU-MAINTAIN", cluster.get("reasonCode"));
        assertEquals("was KEY: potential was 90, is now 40", cluster.get("change"));
        assertTrue(lines(decision, "explanation").stream().skip(1).noneMatch(line -> line.get("change") != null),
                "only the first line of a dimension that changed");

        Api.Problem italian = api.answer(HttpRequest.POST("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10"))
                .header("Accept-Language", "it"));
        assertEquals(null, lines(italian.body(), "explanation").get(0).get("change"), "unchanged since the decision before it");
    }

    @Test
    void aRefusedServiceSaysWhyAndWhatTheSameRulesWouldGrant() {
        Map<String, Object> decision = api.post("/api/decisions/service-requests", Map.of("clientId", "B", "service",
                "TECHNICAL_SUPPORT", "paid", false, "asOf", "2011-12-10"));

        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) ((Map<String, Object>) decision.get("outcome")).get("serviceAnswer");
        assertEquals(false, answer.get("granted"));
        List<Map<String, Object>> service = lines(decision, "explanation").stream()
                .filter(line -> "service".equals(line.get("dimension"))).toList();
        assertEquals(List.of("SRV-MARGINAL-UNPAID", "SRV-PAID"), service.stream().map(line -> line.get("reasonCode")).toList(),
                "why it was refused, then what would be granted");
        assertEquals("If paid at list price: granted", service.get(1).get("text"));
        assertEquals("service", lines(decision, "explanation").get(lines(decision, "explanation").size() - 1).get("dimension"),
                "the service answer comes last");

        Api.Problem italian = api.answer(HttpRequest.POST("/api/decisions/service-requests", Map.of("clientId", "B", "service",
                "TECHNICAL_SUPPORT", "paid", false, "discountPercent", 10, "asOf", "2011-12-10")).header("Accept-Language", "it"));
        List<Object> texts = lines(italian.body(), "explanation").stream().filter(line -> "service".equals(line.get("dimension")))
                .map(line -> line.get("text")).toList();
        assertTrue(texts.contains("Se pagato a prezzo di listino: concesso"), texts.toString());
        assertFalse(texts.contains("Se non pagato e senza sconto: concesso"), "a marginal client gets no unpaid service at all: " + texts);

        Map<String, Object> granted = api.post("/api/decisions/service-requests", Map.of("clientId", "A", "service",
                "TECHNICAL_SUPPORT", "paid", false, "asOf", "2011-12-10"));
        assertTrue(lines(granted, "explanation").stream().noneMatch(line -> String.valueOf(line.get("text")).startsWith("If ")),
                "a granted request names no alternative");
    }

    @Test
    void figuresAreWrittenAsTheLanguageWritesThemAndAChangeInItalianToo() {
        api.importCsv("orders", "client_id,order_id,order_date,amount\nB,O3,2011-11-01,2.5\n");
        api.post("/api/decisions", Map.of("clientId", "B", "asOf", "2011-12-10"));
        api.importCsv("clients", "client_id,name,country,potential\nB,b,IT,95\n");

        Api.Problem italian = api.answer(HttpRequest.POST("/api/decisions", Map.of("clientId", "B", "asOf", "2011-12-10"))
                .header("Accept-Language", "it"));
        Map<String, Object> english = api.post("/api/decisions", Map.of("clientId", "B", "asOf", "2011-12-10"));

        // a revenue of 12.50, below 100: small amounts; money with two decimals, and the decimal comma in Italian
        assertEquals("Un fatturato di 12,50 in 12 mesi (sotto 100): acquista piccoli importi, un fattore di rischio",
                line(italian.body(), "CAT-SMALL-AMOUNTS").get("text"));
        assertEquals(Map.of("revenue12m", "12,50"), line(italian.body(), "CAT-SMALL-AMOUNTS").get("quoted"), "the values the text shows");
        assertEquals("A revenue of 12.50 in 12 months (below 100): it buys small amounts, a risk factor",
                line(english, "CAT-SMALL-AMOUNTS").get("text"));
        // the potential went from 35 to 95: MARGINAL, now DEVELOP
        assertEquals("era MARGINAL: potenziale: era 35, ora 95", line(italian.body(), "CLU-DEVELOP").get("change"));
        assertEquals(null, line(english, "CLU-DEVELOP").get("change"), "the decision before it was DEVELOP already");
    }

    @Test
    void aLanguageWithoutReasonsOrNoHeaderIsAnsweredInEnglish() {
        for (String header : new String[]{"de-DE, de;q=0.9", "", "not a language range;;"}) {
            MutableHttpRequest<?> request = HttpRequest.POST("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10"));
            Api.Problem answer = api.answer(header.isEmpty() ? request : request.header("Accept-Language", header));
            assertEquals(200, answer.status(), header);
            assertEquals("en", answer.body().get("language"), header);
            assertEquals("Potential 90 (HIGH) and revenue class A (HIGH): a key client",
                    lines(answer.body(), "explanation").get(0).get("text"), header);
        }
    }

    private static Map<String, Object> line(Map<String, Object> decision, String reasonCode) {
        return lines(decision, "explanation").stream().filter(line -> reasonCode.equals(line.get("reasonCode"))).findFirst()
                .orElseThrow(() -> new AssertionError(reasonCode + " not in " + decision.get("explanation")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> decision, String field) {
        return (List<Map<String, Object>>) decision.get(field);
    }
}
