package com.clientvalue.security;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestBearer;
import com.clientvalue.TestTokens;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint, every role: a role is refused (403 problem+json naming the roles) what it does not
 * own, a request without a token is refused (401 with a Bearer challenge), and the owners get past
 * security. Owners send invalid input so that nothing is changed.
 */
@MicronautTest(transactional = false)
class AccessIntegrationTest extends HttpIntegrationTest {
    private static final Set<String> ALL = Set.of("CRM", "ANALYST", "AUDITOR", "ADMIN", "COMPLIANCE");
    private static final Set<String> RULE_READERS = Set.of("ANALYST", "AUDITOR", "ADMIN", "COMPLIANCE");

    record Endpoint(HttpMethod method, String path, Set<String> owners) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/api/audit/decisions?size=0", Set.of("AUDITOR")),
            new Endpoint(HttpMethod.GET, "/api/audit/decisions/unknown", Set.of("AUDITOR")),
            new Endpoint(HttpMethod.POST, "/api/audit/decisions/unknown/replay", Set.of("AUDITOR")),
            new Endpoint(HttpMethod.GET, "/api/events/transitions?limit=0", Set.of("CRM", "AUDITOR")),
            new Endpoint(HttpMethod.POST, "/api/clients/NOPE/assessments", Set.of("CRM")),
            new Endpoint(HttpMethod.GET, "/api/clients/NOPE/assessments", Set.of("CRM")),
            new Endpoint(HttpMethod.PUT, "/api/clients/NOPE/loss-reason", Set.of("CRM")),
            new Endpoint(HttpMethod.GET, "/api/clients/NOPE", Set.of("CRM", "ANALYST", "AUDITOR")),
            new Endpoint(HttpMethod.POST, "/api/imports/clients", Set.of("CRM")),
            new Endpoint(HttpMethod.POST, "/api/imports/orders", Set.of("CRM")),
            new Endpoint(HttpMethod.POST, "/api/imports/surveys", Set.of("CRM")),
            new Endpoint(HttpMethod.POST, "/api/imports/complaints", Set.of("CRM")),
            new Endpoint(HttpMethod.POST, "/api/decisions", Set.of("CRM")),
            new Endpoint(HttpMethod.POST, "/api/decisions/service-requests", Set.of("CRM")),
            new Endpoint(HttpMethod.POST, "/api/decisions/batch", Set.of("CRM")),
            new Endpoint(HttpMethod.POST, "/api/actions", Set.of("CRM")),
            new Endpoint(HttpMethod.GET, "/api/actions/results?asOf=bad", Set.of("ANALYST")),
            new Endpoint(HttpMethod.POST, "/api/rules/impact", Set.of("ANALYST")),
            new Endpoint(HttpMethod.POST, "/api/rules/shadow", Set.of("ANALYST")),
            new Endpoint(HttpMethod.GET, "/api/rules/shadow", Set.of("ANALYST")),
            new Endpoint(HttpMethod.DELETE, "/api/rules/shadow", Set.of("ANALYST")),
            new Endpoint(HttpMethod.GET, "/api/rules", ALL),
            new Endpoint(HttpMethod.POST, "/api/rules/validate", Set.of("ANALYST")),
            new Endpoint(HttpMethod.GET, "/api/rules/shadow/runs?limit=0", Set.of("ANALYST", "AUDITOR")),
            new Endpoint(HttpMethod.GET, "/api/rules/shadow/runs/0", Set.of("ANALYST", "AUDITOR")),
            new Endpoint(HttpMethod.GET, "/api/rules/versions", RULE_READERS),
            new Endpoint(HttpMethod.GET, "/api/rules/versions/unknown", RULE_READERS),
            new Endpoint(HttpMethod.GET, "/api/rules/activations?limit=0", RULE_READERS),
            new Endpoint(HttpMethod.GET, "/api/rules/invariants", RULE_READERS),
            new Endpoint(HttpMethod.GET, "/api/rules/invariants/history", RULE_READERS),
            new Endpoint(HttpMethod.PUT, "/api/rules/invariants", Set.of("COMPLIANCE")),
            new Endpoint(HttpMethod.POST, "/api/rules/versions", Set.of("ANALYST")),
            new Endpoint(HttpMethod.POST, "/api/rules/versions/unknown/activate", Set.of("ADMIN")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/summary?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/summary.csv?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/matrices?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/matrices.csv?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/abc?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/abc.csv?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/segments?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/segments.csv?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/concentration?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/concentration.csv?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/clv?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/clv.csv?asOf=bad", Set.of("ANALYST", "CRM")),
            new Endpoint(HttpMethod.POST, "/api/portfolio/budget", Set.of("ANALYST")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/budget.csv?total=bad", Set.of("ANALYST")),
            new Endpoint(HttpMethod.POST, "/api/portfolio/resegmentations?asOf=bad", Set.of("ANALYST", "ADMIN")),
            new Endpoint(HttpMethod.GET, "/api/portfolio/resegmentations/0", Set.of("ANALYST", "ADMIN")),
            new Endpoint(HttpMethod.POST, "/api/tokens", Set.of("ADMIN")),
            new Endpoint(HttpMethod.GET, "/api/tokens", Set.of("ADMIN")),
            new Endpoint(HttpMethod.DELETE, "/api/tokens/unknown-token", Set.of("ADMIN")),
            new Endpoint(HttpMethod.GET, "/api/admin/events?limit=0", Set.of("ADMIN", "AUDITOR")),
            new Endpoint(HttpMethod.GET, "/api/audit/verify", Set.of("AUDITOR")),
            new Endpoint(HttpMethod.POST, "/api/audit/archives?before=bad", Set.of("ADMIN")),
            new Endpoint(HttpMethod.GET, "/api/audit/archives", Set.of("ADMIN", "AUDITOR")));

    Api api;

    @BeforeEach
    void setUp() {
        db.clear();
        api = api();
    }

    @Test
    void everyRoleIsRefusedWhatItDoesNotOwnAndLetThroughWhatItOwns() {
        List<String> wrong = new ArrayList<>();
        for (String role : ALL) {
            String token = TestTokens.token(http.toBlocking(), "only-" + role.toLowerCase(), role);
            for (Endpoint endpoint : ENDPOINTS) {
                Api.Problem answer = api.answer(request(endpoint).bearerAuth(token));
                boolean owner = endpoint.owners().contains(role);
                if (owner && (answer.status() == 401 || answer.status() == 403)) {
                    wrong.add(role + " refused " + endpoint + " (" + answer.status() + ")");
                }
                if (!owner) {
                    if (answer.status() != 403 || !answer.contentType().startsWith("application/problem+json")) {
                        wrong.add(role + " not refused " + endpoint + " (" + answer.status() + " " + answer.contentType() + ")");
                    } else if (!answer.detail().contains("[" + role + "]") || !answer.detail().contains("needs one of")) {
                        wrong.add(role + " refused " + endpoint + " without naming the roles: " + answer.detail());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void withoutATokenEveryEndpointButHealthAnswers401() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            Api.Problem answer = api.answer(request(endpoint).header(TestBearer.ANONYMOUS, "yes"));
            if (answer.status() != 401 || !"Bearer".equals(answer.headers().get("WWW-Authenticate"))) {
                wrong.add(endpoint + " answered " + answer.status() + " " + answer.body());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/health").header(TestBearer.ANONYMOUS, "yes")).code());
        Api.Problem unknown = api.problem(HttpRequest.GET("/api/rules").bearerAuth("cd_not-a-token"));
        assertEquals(401, unknown.status());
        assertEquals("the bearer token is unknown or revoked", unknown.detail());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRevokedTokenStopsWorkingAndTokensAreListedWithoutTheirValue() {
        Map<String, Object> issued = api.post("/api/tokens", Map.of("name", "to-revoke", "roles", List.of("CRM")));
        String token = (String) issued.get("token");
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/api/rules").bearerAuth(token)).code());
        assertEquals(64, db.text("SELECT token_hash FROM api_token WHERE name = 'to-revoke'").length());
        assertFalse(db.text("SELECT token_hash FROM api_token WHERE name = 'to-revoke'").contains(token.substring(3)));

        http.toBlocking().exchange(HttpRequest.DELETE("/api/tokens/to-revoke"));

        assertEquals(401, api.problem(HttpRequest.GET("/api/rules").bearerAuth(token)).status());
        String listed = api.getRaw("/api/tokens");
        assertTrue(listed.contains("\"to-revoke\"") && !listed.contains(token), listed);
        assertEquals(409, api.problem(HttpRequest.POST("/api/tokens", Map.of("name", "to-revoke", "roles", List.of("CRM")))).status());
        Api.Problem badRole = api.problem(HttpRequest.POST("/api/tokens", Map.of("name", "x", "roles", List.of("ROOT"))));
        assertEquals("roles[0]: must be one of CRM, ANALYST, AUDITOR, ADMIN, COMPLIANCE, MONITORING", badRole.detail());
        String events = api.getRaw("/api/admin/events");
        assertTrue(events.contains("\"TOKEN_CREATED\"") && events.contains("\"TOKEN_REVOKED\""), events);
    }

    // the content type each endpoint consumes, so that security is what decides, not a missing route
    private static MutableHttpRequest<?> request(Endpoint endpoint) {
        String path = endpoint.path();
        return switch (endpoint.method()) {
            case GET -> HttpRequest.GET(path);
            case DELETE -> HttpRequest.DELETE(path);
            // an invariants file that cannot be read: refused 422 for its owner, nothing changes
            case PUT -> path.equals("/api/rules/invariants") ? HttpRequest.PUT(path, "not,an,invariant\n").contentType("text/csv")
                    : HttpRequest.PUT(path, "{}");
            default -> path.startsWith("/api/imports/") ? HttpRequest.POST(path, "").contentType("text/csv")
                    : path.equals("/api/rules/impact") || path.equals("/api/rules/shadow") || path.equals("/api/rules/validate")
                    || path.equals("/api/rules/versions") ? HttpRequest.POST(path, new byte[]{1, 2, 3}).contentType("application/zip")
                    : HttpRequest.POST(path, "{}");
        };
    }
}
