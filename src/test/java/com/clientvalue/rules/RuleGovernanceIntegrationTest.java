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
        // the diff is against the version that was active when it was published
        String diff = (String) detail.get("diff");
        assertTrue(diff.contains("--- a/clusters/potential-level.csv"), diff);
        assertTrue(diff.contains("+Notes,\"Potential level: how much more the client could buy from us, as rated by sales (0-100). Change the thresholds in the rows below." + note + " "), diff);
        assertEquals(original, detail.get("previousVersion"));

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
        Map<String, Object> refused = adminEvents().stream().filter(e -> "RULES_REFUSED".equals(e.get("action"))).findFirst().orElseThrow();
        assertTrue(((String) refused.get("detail")).startsWith(problems.size() + " problem(s); the active version is unchanged. "
                + "First: clusters/cluster-classification.csv"), refused.toString());
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

    // the bypass of issue 13: a version stored without passing the checks (as a shadow left it before) cannot go live
    @Test
    @SuppressWarnings("unchecked")
    void aStoredVersionThatFailsTodaysChecksIsNotActivatedAndMarginalClientsStayRefused() {
        api.importCsv("clients", "client_id,name,country,potential\nM1,Marginal,Italy,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nM1,A9,2011-10-01,40\n");
        List<RuleSource> granting = RuleArchive.read(new java.io.ByteArrayInputStream(grantingFreeServiceToMarginal().bytes()));
        String bad = storeWithoutChecks(granting);

        Api.Problem refused = api.problem(HttpRequest.POST("/api/rules/versions/" + bad + "/activate?comment=try", Map.of()));

        assertEquals(422, refused.status());
        assertEquals("/problems/rules-rejected", refused.body().get("type"));
        List<Map<String, Object>> problems = (List<Map<String, Object>>) refused.body().get("problems");
        assertTrue(problems.stream().anyMatch(p -> ((String) p.get("message")).startsWith("invariant INV-MARGINAL-NO-FREE-SERVICE")),
                problems.toString());
        assertTrue(refused.detail().contains("was not activated"), refused.detail());
        assertEquals(original, api.get("/api/rules").get("version"));
        Map<String, Object> answer = api.post("/api/decisions/service-requests", Map.of("clientId", "M1", "service", "TECHNICAL_SUPPORT",
                "paid", false, "asOf", "2011-12-10"));
        assertEquals(false, ((Map<?, ?>) ((Map<?, ?>) answer.get("outcome")).get("serviceAnswer")).get("granted"));
        assertTrue(adminEvents().stream().anyMatch(e -> "RULES_ACTIVATION_REFUSED".equals(e.get("action")) && bad.equals(e.get("subject"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCandidateWithoutTheInvariantsFileIsCheckedAgainstTheStoredInvariants() {
        Api.Problem refused = api.problem(zip("/api/rules/versions", grantingFreeServiceToMarginal().bytes()));

        assertEquals(422, refused.status());
        List<Map<String, Object>> problems = (List<Map<String, Object>>) refused.body().get("problems");
        assertTrue(problems.stream().anyMatch(p -> ((String) p.get("message")).startsWith("invariant INV-MARGINAL-NO-FREE-SERVICE")
                && "invariants/policy-invariants.csv".equals(p.get("file"))), problems.toString());
        assertEquals(original, api.get("/api/rules").get("version"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCandidateThatBringsItsOwnInvariantsIsRefusedNamingTheFile() {
        byte[] withInvariants = RuleZip.ofRealFolder().add("invariants/policy-invariants.csv",
                "id,description,rule\nINV-ONE-CLUSTER,Every client gets exactly one cluster,exactly one cluster\n".getBytes()).bytes();

        Api.Problem refused = api.problem(zip("/api/rules/validate", withInvariants));

        assertEquals(422, refused.status());
        Map<String, Object> problem = ((List<Map<String, Object>>) refused.body().get("problems")).get(0);
        assertEquals("invariants/policy-invariants.csv", problem.get("file"));
        assertTrue(((String) problem.get("message")).startsWith("a candidate may not hold policy invariants"), problem.toString());
        assertEquals(422, api.problem(zip("/api/rules/versions", withInvariants)).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachActivationIsAnEventAndNoPublicationRewritesAnEarlierVersion() {
        String admin = TestTokens.token(http.toBlocking(), "root", "ADMIN");
        byte[] raise = RuleZip.potentialThreshold70(" " + java.util.UUID.randomUUID());
        Map<String, Object> first = api.read(http.toBlocking().retrieve(zip("/api/rules/versions?comment=first", raise)
                .bearerAuth(TestTokens.token(http.toBlocking(), "anna", "ANALYST"))));
        String raised = (String) first.get("version");
        http.toBlocking().exchange(HttpRequest.POST("/api/rules/versions/" + original + "/activate?comment=too%20early", Map.of())
                .bearerAuth(admin));

        Map<String, Object> again = api.read(http.toBlocking().retrieve(zip("/api/rules/versions?comment=second", raise)
                .bearerAuth(TestTokens.token(http.toBlocking(), "bob", "ANALYST"))));
        http.toBlocking().exchange(HttpRequest.POST("/api/rules/versions/" + original + "/activate", Map.of()).bearerAuth(admin));
        http.toBlocking().exchange(HttpRequest.POST("/api/rules/versions/" + raised + "/activate?comment=now", Map.of()).bearerAuth(admin));

        assertEquals(List.of("anna", "first", raised), List.of(again.get("publishedBy"), again.get("comment"), again.get("version")),
                "a version is a fact: publishing the same files again does not rewrite its author or comment");
        List<Map<String, Object>> activations = (List<Map<String, Object>>) (Object) api.read("{\"a\":"
                + api.getRaw("/api/rules/activations?limit=4") + "}").get("a");
        assertEquals(List.of(
                        List.of("ROLL_FORWARD", "root", original, raised, "now"),
                        List.of("ROLLBACK", "root", raised, original, "-"),
                        List.of("PUBLISH", "bob", original, raised, "second"),
                        List.of("ROLLBACK", "root", raised, original, "too early")),
                activations.stream().map(a -> List.of(a.get("reason"), a.get("activatedBy"), a.get("fromVersion"), a.get("toVersion"),
                        a.get("comment") == null ? "-" : a.get("comment"))).toList());
        String checks = (String) activations.get(0).get("checks");
        assertTrue(checks.startsWith("passed: compiled, ") && checks.contains("the test scenarios")
                && checks.contains("the stored policy invariants (revision ") && checks.contains("no gaps or overlaps in the decision tables")
                && !checks.contains("a check,"), checks);
        assertTrue(checks.endsWith("(result of an earlier check on the same basis)"), "checked at its publication, same portfolio "
                + "and day since: not checked again; " + checks);
        assertTrue(((String) activations.get(3).get("checks")).contains("on portfolio revision "), activations.toString());
        Map<String, Object> activated = adminEvents().stream().filter(e -> "RULES_ACTIVATED".equals(e.get("action"))).findFirst().orElseThrow();
        assertEquals("roll forward from " + original + " with comment 'now'", activated.get("detail"));
        List<Map<String, Object>> versions = (List<Map<String, Object>>) (Object) api.read("{\"v\":"
                + api.getRaw("/api/rules/versions") + "}").get("v");
        assertEquals(raised, versions.get(0).get("version"), "newest publication first");
        assertTrue(((String) versions.get(0).get("checks")).contains("the stored policy invariants (revision "), versions.toString());
    }

    @Test
    void aVersionsDiffIsAgainstTheVersionActiveWhenItWasPublished() {
        publishAs("anna", RuleZip.potentialThreshold70(" " + java.util.UUID.randomUUID()));
        api.post("/api/rules/versions/" + original + "/activate", Map.of());
        String second = publishAs("anna", RuleZip.potentialThreshold70(" " + java.util.UUID.randomUUID()));

        Map<String, Object> detail = api.get("/api/rules/versions/" + second);

        assertEquals(original, detail.get("previousVersion"));
        String diff = (String) detail.get("diff");
        assertTrue(diff.contains("-POT-HIGH,A potential rated 60 or more is high,60"), diff);
        assertTrue(diff.contains("+POT-HIGH,A potential rated 70 or more is high,70"), diff);
    }

    private String publishAs(String analyst, byte[] zip) {
        return (String) api.read(http.toBlocking().retrieve(zip("/api/rules/versions", zip)
                .bearerAuth(TestTokens.token(http.toBlocking(), analyst, "ANALYST")))).get("version");
    }

    static RuleZip grantingFreeServiceToMarginal() {
        return RuleZip.ofRealFolder().replace("policies/service-entitlement.csv", "MARGINAL,false,,,,,,REFUSED", "MARGINAL,false,,,,,,GRANTED");
    }

    // as an earlier release stored a shadow candidate: files in rule_version, no check
    private String storeWithoutChecks(List<RuleSource> sources) {
        String version = RuleSetCompiler.version(sources);
        db.execute("INSERT INTO rule_version (version, published_at, published_by, comment) VALUES ('" + version
                + "', CURRENT_TIMESTAMP(6), 'legacy', 'shadow candidate')");
        for (RuleSource source : sources) {
            db.execute("INSERT INTO rule_version_file (version, path, sha256, content) VALUES ('" + version + "', '" + source.path()
                    + "', '" + RuleSetCompiler.sha256(source.content()) + "', X'" + java.util.HexFormat.of().formatHex(source.content()) + "')");
        }
        return version;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> adminEvents() {
        return (List<Map<String, Object>>) (Object) api.read("{\"e\":" + api.getRaw("/api/admin/events?limit=20") + "}").get("e");
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
