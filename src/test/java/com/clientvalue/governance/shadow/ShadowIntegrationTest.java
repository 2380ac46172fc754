package com.clientvalue.governance.shadow;

import com.clientvalue.Api;
import com.clientvalue.VersionedRulesIntegrationTest;
import com.clientvalue.TestTokens;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleArchive;
import com.clientvalue.rules.RuleZip;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A candidate in shadow sees every live decision, changes none of them, and counts the differences. */
@MicronautTest(transactional = false)
class ShadowIntegrationTest extends VersionedRulesIntegrationTest {
    Api api;

    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nP65A,a,Italy,65\nP90A,b,Italy,90\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nP65A,O1,2011-10-01,1000\nP90A,O2,2011-10-01,1000\n");
    }

    @AfterEach
    void dropShadow() {
        http.toBlocking().exchange(HttpRequest.DELETE("/api/rules/shadow"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shadowComparesLiveDecisionsWithoutChangingThem() throws InterruptedException {
        Map<String, Object> started = api.read(http.toBlocking().retrieve(HttpRequest.POST("/api/rules/shadow",
                RuleZip.potentialThreshold70()).contentType("application/zip")));
        String candidate = (String) started.get("version");

        Map<String, Object> answered = api.post("/api/decisions", Map.of("clientId", "P65A", "asOf", "2011-12-10"));
        api.post("/api/decisions", Map.of("clientId", "P90A", "asOf", "2011-12-10"));

        assertEquals("KEY", ((Map<?, ?>) answered.get("outcome")).get("cluster"), "the active version answers");
        assertEquals(original, answered.get("ruleVersion"));
        Map<String, Object> report = awaitCompared(2);
        assertEquals(1, report.get("differing"));
        Map<String, Object> difference = ((List<Map<String, Object>>) report.get("latestDifferences")).get(0);
        assertEquals("P65A", difference.get("clientId"));
        assertEquals("MAINTAIN", ((Map<?, ?>) difference.get("shadow")).get("cluster"));
        assertEquals(2, db.count("SELECT COUNT(*) FROM decision_audit"), "shadow evaluations are not decisions");
        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit WHERE rule_version = '" + candidate + "'"));
    }

    // the bypass of issue 13: shadow, then activate, put an unchecked rule set live
    @Test
    @SuppressWarnings("unchecked")
    void aCandidateThatFailsTheChecksCannotRunInShadowNorBeActivated() {
        api.importCsv("clients", "client_id,name,country,potential\nM1,Marginal,Italy,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nM1,O3,2011-10-01,40\n");
        byte[] granting = RuleZip.ofRealFolder().replace("policies/service-entitlement.csv", "MARGINAL,false,,,,,,REFUSED",
                "MARGINAL,false,,,,,,GRANTED").bytes();
        String version = ActiveRuleBase.compile(RuleArchive.read(new ByteArrayInputStream(granting))).version();

        Api.Problem refused = api.problem(HttpRequest.POST("/api/rules/shadow", granting).contentType("application/zip"));
        Api.Problem activation = api.problem(HttpRequest.POST("/api/rules/versions/" + version + "/activate", Map.of()));

        assertEquals(422, refused.status());
        assertTrue(((List<Map<String, Object>>) refused.body().get("problems")).stream()
                .anyMatch(p -> ((String) p.get("message")).startsWith("invariant INV-MARGINAL-NO-FREE-SERVICE")), refused.body().toString());
        assertTrue(refused.detail().contains("no shadow was started"), refused.detail());
        assertEquals(404, api.problem(HttpRequest.GET("/api/rules/shadow")).status());
        assertEquals(404, activation.status());
        assertEquals(original, api.get("/api/rules").get("version"));
        Map<String, Object> answer = api.post("/api/decisions/service-requests", Map.of("clientId", "M1", "service", "TECHNICAL_SUPPORT",
                "paid", false, "asOf", "2011-12-10"));
        assertEquals("MARGINAL", ((Map<?, ?>) answer.get("outcome")).get("cluster"));
        assertEquals(false, ((Map<?, ?>) ((Map<?, ?>) answer.get("outcome")).get("serviceAnswer")).get("granted"));
    }

    @Test
    void aShadowCandidateIsNotAPublishedVersion() {
        String candidate = start(RuleZip.potentialThreshold70(" " + UUID.randomUUID()));

        assertFalse(api.getRaw("/api/rules/versions").contains(candidate), "never listed among the published versions");
        Api.Problem activation = api.problem(HttpRequest.POST("/api/rules/versions/" + candidate + "/activate", Map.of()));
        assertEquals(404, activation.status());
        assertTrue(activation.detail().contains("a shadow candidate is not a published version"), activation.detail());
        assertEquals(original, api.get("/api/rules").get("version"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishingTheCandidateEndsTheShadowAndReadingItChangesNothing() {
        byte[] zip = RuleZip.potentialThreshold70(" " + UUID.randomUUID());
        long runId = ((Number) api.read(http.toBlocking().retrieve(HttpRequest.POST("/api/rules/shadow", zip)
                .contentType("application/zip"))).get("runId")).longValue();

        http.toBlocking().retrieve(HttpRequest.POST("/api/rules/versions", zip).contentType("application/zip")
                .bearerAuth(TestTokens.token(http.toBlocking(), "anna", "ANALYST")));

        String before = db.fingerprintAll() + "/" + db.text("SELECT GROUP_CONCAT(CONCAT(id, ':', COALESCE(end_reason, '-')) ORDER BY id) FROM shadow_run");
        assertEquals(404, api.problem(HttpRequest.GET("/api/rules/shadow")).status());
        assertEquals(404, api.problem(HttpRequest.GET("/api/rules/shadow")).status());
        assertEquals(before, db.fingerprintAll() + "/" + db.text("SELECT GROUP_CONCAT(CONCAT(id, ':', COALESCE(end_reason, '-')) ORDER BY id) FROM shadow_run"));
        Map<String, Object> run = api.get("/api/rules/shadow/runs/" + runId);
        assertEquals("anna", run.get("endedBy"));
        assertEquals("its rules became the active version (publish)", run.get("endReason"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportOfADroppedShadowStaysReadableAndTheAdminLogSaysWhoStartedAndStoppedIt() throws InterruptedException {
        Map<String, Object> started = api.read(http.toBlocking().retrieve(HttpRequest.POST("/api/rules/shadow",
                RuleZip.potentialThreshold70()).contentType("application/zip")));
        long runId = ((Number) started.get("runId")).longValue();
        api.post("/api/decisions", Map.of("clientId", "P65A", "asOf", "2011-12-10"));
        api.post("/api/decisions", Map.of("clientId", "P90A", "asOf", "2011-12-10"));
        awaitCompared(2);

        http.toBlocking().exchange(HttpRequest.DELETE("/api/rules/shadow"));

        assertEquals(404, api.problem(HttpRequest.GET("/api/rules/shadow")).status());
        Map<String, Object> report = api.get("/api/rules/shadow/runs/" + runId);
        assertEquals(List.of(2, 1, "dropped"), List.of(report.get("compared"), report.get("differing"), report.get("endReason")));
        assertEquals("P65A", ((List<Map<String, Object>>) report.get("latestDifferences")).get(0).get("clientId"));
        List<Map<String, Object>> events = (List<Map<String, Object>>) (Object) api.read("{\"e\":"
                + api.getRaw("/api/admin/events?limit=20") + "}").get("e");
        Map<String, Object> stopped = events.stream().filter(e -> "SHADOW_STOPPED".equals(e.get("action"))).findFirst().orElseThrow();
        assertEquals("run " + runId, stopped.get("subject"));
        assertEquals("candidate " + started.get("version") + " dropped after 2 decisions compared, 1 differing", stopped.get("detail"));
        assertTrue(events.stream().anyMatch(e -> "SHADOW_STARTED".equals(e.get("action")) && ("run " + runId).equals(e.get("subject"))
                && ((String) e.get("detail")).startsWith("candidate " + started.get("version"))), events.toString());
    }

    private String start(byte[] zip) {
        return (String) api.read(http.toBlocking().retrieve(HttpRequest.POST("/api/rules/shadow", zip).contentType("application/zip")))
                .get("version");
    }

    private Map<String, Object> awaitCompared(int decisions) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Map<String, Object> report = api.get("/api/rules/shadow");
        while (((Number) report.get("compared")).intValue() < decisions && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            report = api.get("/api/rules/shadow");
        }
        assertEquals(decisions, ((Number) report.get("compared")).intValue());
        return report;
    }
}
