package com.clientvalue.common;

import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document the service serves is the contract a CRM generates its client from: security, problems, status codes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIntegrationTest extends HttpIntegrationTest {
    private Map<String, Object> document;
    @jakarta.inject.Inject
    io.micronaut.web.router.Router router;

    @BeforeAll
    void served() {
        // anonymous: the document holds no data
        document = new Yaml().load(http.toBlocking().retrieve(HttpRequest.GET("/swagger/client-decisions-0.1.yml")));
    }

    @Test
    void everyOperationNeedsTheBearerTokenItDeclares() {
        assertEquals(Map.of("type", "http", "scheme", "bearer"), without(map(map(map(document, "components"), "securitySchemes"), "bearer"),
                "description"));
        assertEquals(List.of(Map.of("bearer", List.of())), document.get("security"));
    }

    @Test
    void everyApiOperationDeclaresItsProblemsAsProblemJson() {
        List<String> missing = new ArrayList<>();
        map(document, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            Map<String, Object> responses = map((Map<String, Object>) operation, "responses");
            for (String status : List.of("400", "401", "403", "503")) {
                Object problem = responses.get(status);
                if (problem == null || !map(map((Map<String, Object>) problem, "content"), "application/problem+json").toString()
                        .contains("#/components/schemas/Problem")) {
                    missing.add(method + " " + path + " " + status);
                }
            }
        }));
        assertEquals(List.of(), missing);
        assertTrue(map(map(map(document, "components"), "schemas"), "Problem").toString().contains("detail"));
    }

    @Test
    void statusCodesAreTheOnesAnswered() {
        assertResponses("/api/rules/versions", "post", "201", "422");
        assertResponses("/api/portfolio/resegmentations", "post", "202");
        assertResponses("/api/tokens", "post", "201");
        assertResponses("/api/audit/archives", "post", "201", "204");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationListsTheRolesTheServiceEnforces() {
        int checked = 0;
        for (io.micronaut.web.router.UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String path = route.getUriMatchTemplate().toPathString();
            // what SecuredAnnotationRule enforces: the method's @Secured, else its class's
            String[] secured = route.getAnnotationMetadata().getValue(io.micronaut.security.annotation.Secured.class, String[].class)
                    .orElse(new String[0]);
            if (!path.startsWith("/api/") || secured.length == 0 || route.getHttpMethodName().equals("HEAD")) {
                continue;
            }
            Map<String, Object> operation = map(map(map(document, "paths"), path), route.getHttpMethodName().toLowerCase());
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
            assertEquals(java.util.Set.of(secured), java.util.Set.copyOf(security.get(0).get("bearer")),
                    route.getHttpMethodName() + " " + path + " documents the roles its @Secured enforces");
            checked++;
        }
        assertTrue(checked > 40, "every API operation was compared: " + checked);
    }

    @Test
    void aClientThatAcceptsOnlyProblemJsonStillGetsItsAnswer() {
        // what OpenAPI Generator's clients send: the first JSON type the operation may answer
        String rules = http.toBlocking().retrieve(HttpRequest.GET("/api/rules").bearerAuth(com.clientvalue.TestBearer.TOKEN)
                .header("Accept", "application/problem+json"));
        assertTrue(rules.contains("\"version\""), rules);
    }

    private void assertResponses(String path, String method, String... statuses) {
        Map<String, Object> responses = map(map(map(map(document, "paths"), path), method), "responses");
        for (String status : statuses) {
            assertTrue(responses.containsKey(status), method + " " + path + " declares " + status + ": " + responses.keySet());
        }
        assertFalse(responses.containsKey("200"), method + " " + path + " never answers 200: " + responses.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertTrue(child instanceof Map, key + " is not an object in " + parent.keySet());
        return (Map<String, Object>) child;
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
