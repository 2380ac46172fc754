package com.clientvalue.governance.invariant;

import com.clientvalue.Api;
import com.clientvalue.TestTokens;
import com.clientvalue.VersionedRulesIntegrationTest;
import com.clientvalue.rules.RuleZip;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy invariants live apart from the rules they guard: stored, versioned, changed by COMPLIANCE only, after a check. */
@MicronautTest(transactional = false)
class StoredInvariantsIntegrationTest extends VersionedRulesIntegrationTest {
    static final String KEY_NO_SELF_SERVICE = "INV-KEY-NO-SELF-SERVICE,Key clients are never sent to the self-service channels,"
            + "never cluster=KEY and action=SELF_SERVICE_CHANNELS\n";
    Api api;
    String seed;
    long revisionBefore;

    @BeforeEach
    void portfolio() throws Exception {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK90,Key,Italy,90\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK90,A1,2011-10-01,1000\n");
        seed = Files.readString(Path.of(System.getProperty("rules.dir", "rules"), "invariants/policy-invariants.csv"));
        revisionBefore = ((Number) api.get("/api/rules/invariants").get("revision")).longValue();
    }

    // the database lives for the whole run: put the folder's invariants back in force for the other tests
    @AfterEach
    void restoreTheInvariants() {
        if (!seed.equals(api.get("/api/rules/invariants").get("content"))) {
            http.toBlocking().exchange(put(seed, "restore after test").bearerAuth(compliance()));
        }
    }

    @Test
    void theStoredInvariantsAreSeededFromTheRulesFolder() {
        Map<String, Object> current = api.get("/api/rules/invariants");

        assertEquals(seed, current.get("content"));
        assertTrue(api.getRaw("/api/rules/invariants/history").contains("\"changedBy\":\"startup\""));
    }

    @Test
    void anAnalystCannotChangeTheInvariants() {
        Api.Problem refused = api.problem(put(seed + KEY_NO_SELF_SERVICE, "mine").bearerAuth(
                TestTokens.token(http.toBlocking(), "anna", "ANALYST")));

        assertEquals(403, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(revisionBefore, ((Number) api.get("/api/rules/invariants").get("revision")).longValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void complianceAddsAnInvariantThatEveryPublicationMustThenKeep() {
        Map<String, Object> changed = api.read(http.toBlocking().retrieve(put(seed + KEY_NO_SELF_SERVICE, "key clients deserve better")
                .bearerAuth(compliance())));

        assertEquals(revisionBefore + 1, ((Number) changed.get("revision")).longValue());
        assertEquals(List.of("clara", "key clients deserve better"), List.of(changed.get("changedBy"), changed.get("comment")));
        List<Map<String, Object>> history = (List<Map<String, Object>>) (Object) api.read("{\"h\":"
                + api.getRaw("/api/rules/invariants/history") + "}").get("h");
        assertEquals(List.of(revisionBefore + 1, revisionBefore), history.stream().limit(2)
                .map(h -> ((Number) h.get("revision")).longValue()).toList(), "newest first, the earlier revision kept");
        Map<String, Object> logged = events().stream().filter(e -> "INVARIANTS_CHANGED".equals(e.get("action"))).findFirst().orElseThrow();
        assertEquals("revision " + revisionBefore + " -> " + (revisionBefore + 1) + ": 6 invariant(s); added INV-KEY-NO-SELF-SERVICE, "
                + "removed none, changed none; checked against active rules " + original + "; comment 'key clients deserve better'",
                logged.get("detail"));

        // a candidate holds no invariant file, yet it is judged by the one just stored
        byte[] keySelfService = RuleZip.ofRealFolder().replace("policies/segment-actions.csv",
                "\nACT-MARGINAL-SELF-SERVICE,Marginal clients are directed to the self-service channels,MARGINAL,SELF_SERVICE_CHANNELS",
                "\nACT-KEY-SELF-SERVICE,Key clients are shown the self-service channels too,KEY,SELF_SERVICE_CHANNELS"
                        + "\nACT-MARGINAL-SELF-SERVICE,Marginal clients are directed to the self-service channels,MARGINAL,SELF_SERVICE_CHANNELS")
                .bytes();
        Api.Problem refused = api.problem(HttpRequest.POST("/api/rules/versions", keySelfService).contentType("application/zip"));
        assertEquals(422, refused.status());
        assertTrue(((List<Map<String, Object>>) refused.body().get("problems")).stream()
                .anyMatch(p -> ((String) p.get("message")).startsWith("invariant INV-KEY-NO-SELF-SERVICE")), refused.body().toString());
        assertEquals(original, api.get("/api/rules").get("version"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInvariantTheActiveRulesBreakIsRefusedWithTheProblem() {
        String developNoFreeService = "INV-DEVELOP-NO-FREE-SERVICE,No client to develop gets an unpaid service,"
                + "never cluster=DEVELOP and paid=false and granted=true\n";

        Api.Problem refused = api.problem(put(seed + developNoFreeService, "stricter").bearerAuth(compliance()));

        assertEquals(422, refused.status());
        assertEquals("/problems/invariants-rejected", refused.body().get("type"));
        Map<String, Object> problem = ((List<Map<String, Object>>) refused.body().get("problems")).get(0);
        assertEquals(List.of("invariants/policy-invariants.csv", 7), List.of(problem.get("file"), problem.get("row")));
        assertTrue(((String) problem.get("message")).startsWith("invariant INV-DEVELOP-NO-FREE-SERVICE (No client to develop gets "
                + "an unpaid service) is broken for "), problem.toString());
        assertEquals(revisionBefore, ((Number) api.get("/api/rules/invariants").get("revision")).longValue());
        assertTrue(events().stream().anyMatch(e -> "INVARIANTS_REFUSED".equals(e.get("action")) && "clara".equals(e.get("actor"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnreadableInvariantIsRefusedAtItsLine() {
        Api.Problem refused = api.problem(put(seed + "INV-X,Something,sometimes cluster=KEY\n", null).bearerAuth(compliance()));

        assertEquals(422, refused.status());
        Map<String, Object> problem = ((List<Map<String, Object>>) refused.body().get("problems")).get(0);
        assertEquals(List.of(7, "rule", "a rule starts with 'exactly one' or 'never'"),
                List.of(problem.get("row"), problem.get("column"), problem.get("message")));
    }

    private String compliance() {
        return TestTokens.token(http.toBlocking(), "clara", "COMPLIANCE");
    }

    private static MutableHttpRequest<String> put(String csv, String comment) {
        return HttpRequest.PUT("/api/rules/invariants" + (comment == null ? "" : "?comment=" + comment.replace(" ", "%20")), csv)
                .contentType("text/csv");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) (Object) api.read("{\"e\":" + api.getRaw("/api/admin/events?limit=20") + "}").get("e");
    }
}
