package com.clientvalue.governance;

import com.clientvalue.Api;
import com.clientvalue.VersionedRulesIntegrationTest;
import com.clientvalue.rules.RuleZip;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Impact preview and replay on a portfolio whose answer is known: raising the potential threshold
 * from 60 to 70 moves only the two clients rated 65.
 */
@MicronautTest(transactional = false)
class ImpactAndReplayIntegrationTest extends VersionedRulesIntegrationTest {
    static final byte[] THRESHOLD_70 = RuleZip.potentialThreshold70();

    Api api;

    // revenue 1000, 1000, 10, 10: P65A and P90A are class A, P10C and P65C class C
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nP65A,a,Italy,65\nP90A,b,Italy,90\nP10C,c,Italy,10\nP65C,d,Italy,65\n");
        api.importCsv("orders", """
                client_id,order_id,order_date,amount
                P65A,O1,2011-10-01,1000
                P90A,O2,2011-10-01,1000
                P10C,O3,2011-10-01,10
                P65C,O4,2011-10-01,10
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void impactCountsTheClientsThatWouldChangeAndWritesNothing() {
        Map<String, Object> report = api.read(http.toBlocking().retrieve(
                HttpRequest.POST("/api/rules/impact?asOf=2011-12-10", THRESHOLD_70).contentType("application/zip")));

        assertEquals(original, report.get("activeVersion"));
        assertEquals(4, report.get("clients"));
        // P65C: DEVELOP (2 free services a year) -> MARGINAL (none); P65A: KEY -> MAINTAIN, still entitled
        assertEquals(Map.of("anything", 2, "cluster", 2, "lifecycle", 0, "experienceSegment", 0, "actions", 2,
                "freeServiceEntitlement", 1), report.get("changed"));
        assertEquals(List.of(
                Map.of("from", "DEVELOP", "to", "MARGINAL", "clients", 1),
                Map.of("from", "KEY", "to", "KEY", "clients", 1),
                Map.of("from", "KEY", "to", "MAINTAIN", "clients", 1),
                Map.of("from", "MARGINAL", "to", "MARGINAL", "clients", 1)), report.get("clusterMatrix"));
        // the answer to the probe request (an unpaid standard service): P65C loses it, P10C never had it
        assertEquals(List.of(
                Map.of("from", "GRANTED", "to", "GRANTED", "clients", 2),
                Map.of("from", "GRANTED", "to", "REFUSED", "clients", 1),
                Map.of("from", "REFUSED", "to", "REFUSED", "clients", 1)), report.get("entitlementMatrix"));
        // no experience segment changes: every client stays where it was, all four counted
        List<Map<String, Object>> experience = (List<Map<String, Object>>) report.get("experienceMatrix");
        assertTrue(experience.stream().allMatch(cell -> cell.get("from").equals(cell.get("to"))), experience.toString());
        assertEquals(4, experience.stream().mapToInt(cell -> (Integer) cell.get("clients")).sum());
        List<Map<String, Object>> sample = (List<Map<String, Object>>) report.get("sample");
        assertEquals(List.of("P65A", "P65C"), sample.stream().map(s -> s.get("clientId")).toList());
        assertEquals("MAINTAIN", ((Map<?, ?>) sample.get(0).get("candidate")).get("cluster"));
        // side by side, the analysts' sentences under each version
        assertEquals("Potential 65 (HIGH) and revenue class A (HIGH): a key client",
                ((List<String>) sample.get(0).get("activeExplanation")).get(0));
        assertEquals("Potential 65 (LOW) but revenue class A (HIGH): a client to maintain",
                ((List<String>) sample.get(0).get("candidateExplanation")).get(0));
        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit"));
        assertEquals(original, api.get("/api/rules").get("version"), "a preview activates nothing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void replayShowsWhatAnotherVersionWouldHaveDecidedFromTheStoredInputs() {
        String decisionId = (String) api.post("/api/decisions", Map.of("clientId", "P65A", "asOf", "2011-12-10")).get("decisionId");
        String candidate = (String) api.read(http.toBlocking().retrieve(
                HttpRequest.POST("/api/rules/versions", THRESHOLD_70).contentType("application/zip"))).get("version");
        // the stored facts are replayed, not today's: change the client and it must not matter
        api.importCsv("clients", "client_id,name,country,potential\nP65A,a,Italy,99\n");

        Map<String, Object> replay = api.post("/api/audit/decisions/" + decisionId + "/replay?version=" + candidate, Map.of());

        assertEquals(true, replay.get("outcomeChanged"));
        assertEquals(original, replay.get("originalVersion"));
        assertEquals(candidate, replay.get("replayVersion"));
        assertEquals("KEY", ((Map<?, ?>) replay.get("originalOutcome")).get("cluster"));
        assertEquals("MAINTAIN", ((Map<?, ?>) replay.get("replayOutcome")).get("cluster"));
        assertTrue(((List<String>) replay.get("rulesOnlyInOriginal")).containsAll(List.of("CLU-KEY", "POT-HIGH", "ACT-KEY-REFERENT")));
        assertTrue(((List<String>) replay.get("rulesOnlyInReplay")).containsAll(List.of("CLU-MAINTAIN", "POT-LOW", "ACT-MAINTAIN-GRANTS")));
        // the explanation as answered then, beside the one the replay gives, from the same stored facts (potential 65, not 99)
        assertEquals("Potential 65 (HIGH) and revenue class A (HIGH): a key client",
                ((List<Map<String, Object>>) replay.get("originalExplanation")).get(0).get("text"));
        assertEquals("Potential 65 (LOW) but revenue class A (HIGH): a client to maintain",
                ((List<Map<String, Object>>) replay.get("replayExplanation")).get(0).get("text"));

        Map<String, Object> same = api.post("/api/audit/decisions/" + decisionId + "/replay?version=" + original, Map.of());
        assertEquals(false, same.get("outcomeChanged"));
        assertEquals(List.of(), same.get("rulesOnlyInReplay"));
    }

    @Test
    void replayOfAnUnknownDecisionOrVersionIs404() {
        assertEquals(404, api.problem(HttpRequest.POST("/api/audit/decisions/nope/replay", Map.of())).status());
        String decisionId = (String) api.post("/api/decisions", Map.of("clientId", "P65A", "asOf", "2011-12-10")).get("decisionId");
        assertEquals("/problems/rule-version-not-found", api.problem(HttpRequest.POST(
                "/api/audit/decisions/" + decisionId + "/replay?version=" + "f".repeat(64), Map.of())).body().get("type"));
    }
}
