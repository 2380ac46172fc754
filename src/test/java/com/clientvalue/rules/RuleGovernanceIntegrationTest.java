package com.clientvalue.rules;

import com.clientvalue.Api;
import com.clientvalue.TestTokens;
import com.clientvalue.VersionedRulesIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing, validating, versions, rollback and uploads, over HTTP against MariaDB. */
@MicronautTest(transactional = false)
@Property(name = "rules.poll-interval", value = "500ms")
class RuleGovernanceIntegrationTest extends VersionedRulesIntegrationTest {
    static final byte[] THRESHOLD_70 = RuleZip.potentialThreshold70();

    Api api;
    @Inject
    MeterRegistry meters;

    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK65,Key,Italy,65\nK90,Key,Italy,90\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK65,A1,2011-10-01,1000\nK90,A2,2011-10-01,1000\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishedVersionDecidesAtOnceAndRollbackRestoresThePreviousOne() {
        assertEquals("KEY", cluster(decide("K65")));

        String note = " " + java.util.UUID.randomUUID();
        Map<String, Object> published = api.read(http.toBlocking().retrieve(zip("/api/rules/versions?comment=raise%20threshold",
                RuleZip.potentialThreshold70(note)).bearerAuth(TestTokens.token(http.toBlocking(), "anna", "ANALYST"))));

        String candidate = (String) published.get("version");
        assertNotEquals(original, candidate);
        assertEquals(Map.of("publishedBy", "anna", "comment", "raise threshold", "active", true),
                Map.of("publishedBy", published.get("publishedBy"), "comment", published.get("comment"), "active", published.get("active")));
        assertEquals(candidate, api.get("/api/rules").get("version"));
        Map<String, Object> underNew = decide("K65");
        assertEquals("MAINTAIN", cluster(underNew));
        assertEquals(candidate, underNew.get("ruleVersion"));

        Map<String, Object> detail = api.get("/api/rules/versions/" + candidate);
        // the diff is against the version stored just before, whichever test stored it
        String diff = (String) detail.get("diff");
        assertTrue(diff.contains("--- a/clusters/potential-level.csv"), diff);
        assertTrue(diff.contains("Change the thresholds in the rows below." + note + "\""), diff);
        assertNotEquals(candidate, detail.get("previousVersion"));

        api.post("/api/rules/versions/" + original + "/activate", Map.of());
        assertEquals(original, api.get("/api/rules").get("version"));
        assertEquals("KEY", cluster(decide("K65")));
        List<Map<String, Object>> versions = (List<Map<String, Object>>) (Object) api.read("{\"v\":"
                + api.getRaw("/api/rules/versions") + "}").get("v");
        assertEquals(candidate, versions.get(0).get("version"), "newest first");
        assertEquals(false, versions.get(0).get("active"));
        assertEquals(List.of(original), versions.stream().filter(v -> Boolean.TRUE.equals(v.get("active"))).map(v -> v.get("version")).toList());
        assertEquals(2, db.count("SELECT COUNT(DISTINCT rule_version) FROM decision_audit"));
        List<Map<String, Object>> events = (List<Map<String, Object>>) (Object) api.read("{\"e\":"
                + api.getRaw("/api/admin/events?limit=20") + "}").get("e");
        assertTrue(events.stream().anyMatch(e -> "RULES_PUBLISHED".equals(e.get("action")) && "anna".equals(e.get("actor"))
                && candidate.equals(e.get("subject"))), events.toString());
        assertTrue(events.stream().anyMatch(e -> "RULES_ACTIVATED".equals(e.get("action")) && original.equals(e.get("subject"))),
                events.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidCandidateIsRefusedWithEveryProblemAndNothingChanges() {
        long versionsBefore = db.count("SELECT COUNT(*) FROM rule_version");
        byte[] broken = RuleZip.ofRealFolder()
                .replace("clusters/cluster-classification.csv", "METADATA,NAME,CONDITION,CONDITION,ACTION", "METADATA,NAME,CONDITON,CONDITION,ACTION")
                .replace("policies/segment-actions.csv", "MARGINAL,SELF_SERVICE_CHANNELS", "MARGINAL,SELF_SERVICE")
                .bytes();

        Api.Problem problem = api.problem(zip("/api/rules/versions", broken));

        assertEquals(422, problem.status());
        assertEquals("/problems/rules-rejected", problem.body().get("type"));
        List<Map<String, Object>> problems = (List<Map<String, Object>>) problem.body().get("problems");
        assertEquals(Map.of("file", "clusters/cluster-classification.csv", "row", 6, "column", "C (Potential level)"),
                Map.of("file", problems.get(0).get("file"), "row", problems.get(0).get("row"), "column", problems.get(0).get("column")));
        assertEquals(original, api.get("/api/rules").get("version"));
        assertEquals(versionsBefore, db.count("SELECT COUNT(*) FROM rule_version"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void validateReportsWithoutPublishing() {
        Map<String, Object> valid = api.read(http.toBlocking().retrieve(zip("/api/rules/validate", THRESHOLD_70)));
        assertEquals(true, valid.get("valid"));
        assertEquals(List.of(), valid.get("problems"));

        Api.Problem invalid = api.problem(zip("/api/rules/validate", RuleZip.ofRealFolder()
                .replace("vocabulary/services.csv", "PRIORITY_LANE,Order handled ahead of the queue,EXCEPTION",
                        "PRIORITY_LANE,Order handled ahead of the queue,URGENT").bytes()));
        assertEquals(422, invalid.status());
        assertTrue(invalid.detail().contains("nothing was published"), invalid.detail());
        assertEquals("vocabulary/services.csv", ((List<Map<String, Object>>) invalid.body().get("problems")).get(0).get("file"));
        assertEquals(original, api.get("/api/rules").get("version"));
    }

    @Test
    void aValidatedCandidatePublishedUnchangedIsNotCheckedAgainUnlessWhatTheChecksReadMoved() {
        Counter run = meters.counter("rules.publications", "checks", "run");
        Counter reused = meters.counter("rules.publications", "checks", "reused-from-validation");
        byte[] first = RuleZip.potentialThreshold70(" " + java.util.UUID.randomUUID());
        http.toBlocking().retrieve(zip("/api/rules/validate", first));
        double runBefore = run.count();
        double reusedBefore = reused.count();

        String firstVersion = (String) api.read(http.toBlocking().retrieve(zip("/api/rules/versions", first))).get("version");

        assertEquals(firstVersion, api.get("/api/rules").get("version"));
        assertEquals(reusedBefore + 1, reused.count(), "validated on the same portfolio revision and day: checks reused");
        assertEquals(runBefore, run.count());

        byte[] second = RuleZip.potentialThreshold70(" " + java.util.UUID.randomUUID());
        http.toBlocking().retrieve(zip("/api/rules/validate", second));
        api.importCsv("clients", "client_id,name,country,potential\nK70,Key,Italy,70\n");

        String secondVersion = (String) api.read(http.toBlocking().retrieve(zip("/api/rules/versions", second))).get("version");

        assertEquals(secondVersion, api.get("/api/rules").get("version"));
        assertEquals(runBefore + 1, run.count(), "an import since the validation: the stored clients are checked again");
        assertEquals(reusedBefore + 1, reused.count());
        api.post("/api/rules/versions/" + original + "/activate", Map.of());
    }

    @Test
    void hostileArchivesAreRefused() throws IOException {
        assertEquals("/problems/archive-rejected", api.problem(zip("/api/rules/validate", "not a zip".getBytes())).body().get("type"));
        Api.Problem traversal = api.problem(zip("/api/rules/validate", singleEntryZip("../../etc/passwd.csv", new byte[10])));
        assertTrue(traversal.detail().contains("outside the rules folder"), traversal.detail());
        Api.Problem bomb = api.problem(zip("/api/rules/validate", singleEntryZip("bomb.csv", new byte[6 * 1024 * 1024])));
        assertEquals(400, bomb.status());
        assertTrue(bomb.detail().contains("inflates to more than 5 MB"), bomb.detail());
        Api.Problem empty = api.problem(zip("/api/rules/validate", singleEntryZip("notes.txt", new byte[3])));
        assertTrue(empty.detail().contains("no rule file"), empty.detail());
    }

    @Test
    void unknownVersionCannotBeActivated() {
        Api.Problem problem = api.problem(HttpRequest.POST("/api/rules/versions/" + "0".repeat(64) + "/activate", Map.of()));

        assertEquals(404, problem.status());
        assertEquals(original, api.get("/api/rules").get("version"));
    }

    private Map<String, Object> decide(String clientId) {
        return api.post("/api/decisions", Map.of("clientId", clientId, "asOf", "2011-12-10"));
    }

    private static String cluster(Map<String, Object> decision) {
        return (String) ((Map<?, ?>) decision.get("outcome")).get("cluster");
    }

    static MutableHttpRequest<byte[]> zip(String uri, byte[] body) {
        return HttpRequest.POST(uri, body).contentType("application/zip");
    }

    private static byte[] singleEntryZip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
