package com.clientvalue.security;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestBearer;
import com.clientvalue.TestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Management endpoints, tried the ways one would try to get round them: anonymous, with a role that
 * is not MONITORING or ADMIN, through sub paths, trailing slashes, other cases and other
 * management endpoints. Health tells anyone UP or DOWN and nothing else.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementAccessIntegrationTest extends HttpIntegrationTest {
    private static final List<String> METRICS = List.of("/metrics", "/metrics/", "/metrics/jvm.memory.used", "/metrics/jvm.memory.used/",
            "/metrics/jvm.memory.used?tag=area:heap", "/prometheus", "/prometheus/", "/prometheus?name[]=jvm_memory_used_bytes");
    // other management endpoints are switched off; case variants and encodings reach no endpoint at all
    private static final List<String> ABSENT = List.of("/beans", "/routes", "/loggers", "/env", "/refresh", "/threaddump", "/info",
            "/caches", "/stop", "/PROMETHEUS", "/Metrics", "/%70rometheus", "/health/../prometheus", "/api/../metrics");
    Api api;
    String crm;
    String analyst;
    String auditor;
    String monitoring;

    @BeforeAll
    void tokens() {
        api = api();
        crm = TestTokens.token(http.toBlocking(), "mgmt-crm", "CRM");
        analyst = TestTokens.token(http.toBlocking(), "mgmt-analyst", "ANALYST");
        auditor = TestTokens.token(http.toBlocking(), "mgmt-auditor", "AUDITOR");
        monitoring = TestTokens.token(http.toBlocking(), "mgmt-scraper", "MONITORING");
    }

    @Test
    void metricsNeedAMonitoringOrAdminToken() {
        List<String> wrong = new ArrayList<>();
        for (String path : METRICS) {
            expect(wrong, anonymous(path), 401, path + " anonymous");
            for (String token : List.of(crm, analyst, auditor)) {
                Api.Problem refused = api.answer(HttpRequest.GET(path).bearerAuth(token));
                expect(wrong, refused, 403, path + " without MONITORING");
                if (refused.status() == 403 && !refused.detail().contains("needs one of [MONITORING, ADMIN]")) {
                    wrong.add(path + ": " + refused.detail());
                }
            }
            expect(wrong, api.answer(HttpRequest.GET(path).bearerAuth(monitoring)), 200, path + " MONITORING");
            expect(wrong, api.answer(HttpRequest.GET(path)), 200, path + " ADMIN");
        }
        assertEquals(List.of(), wrong);
        assertTrue(api.answer(HttpRequest.GET("/prometheus").bearerAuth(monitoring)).body().toString().contains("jvm_memory_used_bytes"));
    }

    @Test
    void aMonitoringTokenCanDoNothingElse() {
        for (String path : List.of("/api/rules", "/api/audit/decisions", "/api/tokens", "/api/portfolio/summary")) {
            assertEquals(403, api.answer(HttpRequest.GET(path).bearerAuth(monitoring)).status(), path);
        }
    }

    @Test
    void otherManagementEndpointsDoNotExistForAnyone() {
        List<String> wrong = new ArrayList<>();
        for (String path : ABSENT) {
            for (MutableHttpRequest<?> request : List.of(HttpRequest.GET(path), HttpRequest.GET(path).header(TestBearer.ANONYMOUS, "yes"),
                    HttpRequest.GET(path).bearerAuth(crm))) {
                Api.Problem answer = api.answer(request);
                if (answer.status() < 400 || answer.status() >= 500) {
                    wrong.add(path + " answered " + answer.status() + " " + answer.body());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void healthTellsAnyoneUpOrDownAndNothingElse() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/health", "/health/", "/health/liveness", "/health/readiness", "/health/readiness/", "/health/jdbc",
                "/health/JDBC", "/health/liveness/jdbc")) {
            for (MutableHttpRequest<?> request : List.of(anonymousRequest(path), HttpRequest.GET(path), HttpRequest.GET(path).bearerAuth(crm),
                    HttpRequest.GET(path).bearerAuth(monitoring))) {
                Api.Problem answer = api.answer(request);
                String body = answer.body().toString();
                if (body.contains("jdbc:") || body.contains("user=") || body.contains("diskSpace") || body.contains("details=" + "{")) {
                    wrong.add(path + " shows details: " + body);
                }
                if (answer.status() >= 500 || answer.status() == 401 || answer.status() == 403) {
                    wrong.add(path + " answered " + answer.status() + " " + body);
                }
            }
        }
        assertEquals(List.of(), wrong);
        Api.Problem health = anonymous("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.body().get("status"));
        assertFalse(health.body().containsKey("details") && health.body().get("details") != null, health.body().toString());
    }

    private Api.Problem anonymous(String path) {
        return api.answer(anonymousRequest(path));
    }

    private static MutableHttpRequest<?> anonymousRequest(String path) {
        return HttpRequest.GET(path).header(TestBearer.ANONYMOUS, "yes");
    }

    private static void expect(List<String> wrong, Api.Problem answer, int status, String what) {
        if (answer.status() != status) {
            wrong.add(what + ": " + answer.status() + " " + answer.body());
        }
    }
}
