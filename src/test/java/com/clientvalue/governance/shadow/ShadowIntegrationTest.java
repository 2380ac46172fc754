package com.clientvalue.governance.shadow;

import com.clientvalue.Api;
import com.clientvalue.VersionedRulesIntegrationTest;
import com.clientvalue.rules.RuleZip;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void publishingTheCandidateEndsTheShadow() {
        String candidate = (String) api.read(http.toBlocking().retrieve(HttpRequest.POST("/api/rules/shadow",
                RuleZip.potentialThreshold70()).contentType("application/zip"))).get("version");

        api.post("/api/rules/versions/" + candidate + "/activate", Map.of());

        assertEquals(404, api.problem(HttpRequest.GET("/api/rules/shadow")).status());
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
