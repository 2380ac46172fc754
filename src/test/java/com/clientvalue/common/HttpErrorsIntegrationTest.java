package com.clientvalue.common;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestBearer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing errors are the router's (404, 405 with Allow, 415), not a 403 that blames the token; type
 * errors name the field or parameter and the accepted form in words; amounts in exponent notation
 * are refused in JSON and CSV alike.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpErrorsIntegrationTest extends HttpIntegrationTest {
    @jakarta.inject.Inject
    io.micronaut.runtime.server.EmbeddedServer server;
    Api api;

    @BeforeAll
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nA,Alpha,Italy,90\n");
    }

    @Test
    void anUnknownPathIs404ForACallerAndForAnAnonymousOne() {
        for (MutableHttpRequest<?> request : List.of(HttpRequest.GET("/api/nope"), HttpRequest.GET("/api/nope").header(TestBearer.ANONYMOUS, "yes"),
                HttpRequest.GET("/nope"), HttpRequest.POST("/api/decisions/nope", "{}"))) {
            Api.Problem answer = api.problem(request);
            assertEquals(404, answer.status(), answer.body().toString());
            assertEquals("/problems/not-found", answer.body().get("type"));
            assertTrue(answer.detail().startsWith("no endpoint answers"), answer.detail());
        }
    }

    @Test
    void aWrongMethodIs405WithTheAllowedMethods() {
        Api.Problem answer = api.problem(HttpRequest.PATCH("/api/decisions", "{}"));
        assertEquals(405, answer.status());
        assertEquals("POST", answer.headers().get("allow"));
        assertEquals("/problems/method-not-allowed", answer.body().get("type"));
        assertEquals("PATCH is not allowed on /api/decisions; it accepts POST", answer.detail());
        assertEquals(List.of("POST"), answer.body().get("allowedMethods"));
        assertEquals(405, api.problem(HttpRequest.DELETE("/api/rules/validate")).status());
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
            "POST, /api/decisions,            text/plain,          application/json",
            "POST, /api/decisions/batch,      text/csv,            application/json",
            "PUT,  /api/clients/A/loss-reason, application/xml,    application/json",
            "POST, /api/imports/orders,       application/json,    text/csv",
            "POST, /api/rules/validate,       application/json,    application/zip"})
    void aMissingOrWrongContentTypeIs415NamingTheAcceptedOnes(String method, String path, String type, String accepted) {
        byte[] body = "{\"clientId\":\"A\"}".getBytes(StandardCharsets.UTF_8);
        MutableHttpRequest<?> request = "PUT".equals(method) ? HttpRequest.PUT(path, body) : HttpRequest.POST(path, body);
        if (type != null) {
            request.contentType(type);
        }
        Api.Problem answer = api.problem(request);
        assertEquals(415, answer.status(), answer.body().toString());
        assertEquals("/problems/unsupported-media-type", answer.body().get("type"));
        assertEquals("Content-Type", answer.body().get("field"));
        assertTrue(((List<?>) answer.body().get("acceptedTypes")).contains(accepted), answer.body().toString());
        assertTrue(answer.detail().contains("send Content-Type: "), answer.detail());
    }

    // the framework's client always sends a Content-Type with a body: the JDK's can leave it out
    @ParameterizedTest(name = "{0} without a Content-Type")
    @CsvSource({"/api/decisions, application/json", "/api/imports/clients, text/csv", "/api/rules/validate, application/zip"})
    void aBodyWithoutContentTypeIs415(String path, String accepted) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + server.getPort() + path)).header("Authorization", "Bearer " + TestBearer.TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"clientId\":\"A\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        Map<String, Object> body = api.read(answer.body());
        assertEquals("Content-Type", body.get("field"));
        assertTrue(((List<?>) body.get("acceptedTypes")).contains(accepted), answer.body());
        assertTrue(String.valueOf(body.get("detail")).contains("was sent without a Content-Type; send Content-Type: " + accepted), answer.body());
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', value = {
            "POST | /api/decisions/service-requests | {\"clientId\":\"A\",\"service\":\"TRAINING\",\"paid\":\"no\"} | paid | true or false",
            "POST | /api/decisions | {\"clientId\":\"A\",\"asOf\":\"2011-02-30\"} | asOf | a date in the form YYYY-MM-DD",
            "POST | /api/decisions | {\"clientId\":\"A\",\"asOf\":20111210} | asOf | 2999-12-31",
            "POST | /api/decisions/batch | {\"clientIds\":\"A\"} | clientIds | a list",
            "POST | /api/portfolio/budget | {\"total\":1e3} | total | plain digits with a point for decimals",
            "POST | /api/portfolio/budget | {\"total\":\"1,000\"} | total | plain digits with a point for decimals",
            "POST | /api/decisions/service-requests | {\"clientId\":\"A\",\"service\":\"TRAINING\",\"paid\":true,\"discountPercent\":1E1} | discountPercent | no exponent",
            "POST | /api/clients/A/assessments | {\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":\"high\",\"opportunity\":2}} | competition.risk | a whole number",
            "POST | /api/decisions | {\"clientId\":\"A\", | clientId | a JSON object",
            "POST | /api/decisions | [1,2 | body | a JSON object",
            "GET | /api/portfolio/abc?by=FOO | | by | one of REVENUE, MARGIN, ORDERS",
            "GET | /api/portfolio/abc?asOf=2011-02-30 | | asOf | a date in the form YYYY-MM-DD",
            "GET | /api/portfolio/abc?page=first | | page | a whole number",
            "GET | /api/portfolio/budget.csv?total=lots | | total | plain digits with a point for decimals",
            "GET | /api/portfolio/budget.csv | | total | is required",
            "GET | /api/portfolio/resegmentations/first | | id | a whole number",
            "GET | /api/audit/decisions?from=yesterday | | from | an ISO-8601 UTC instant such as 2011-12-10T00:00:00Z",
            "GET | /api/portfolio/clv?cluster=GOLD | | cluster | one of KEY, DEVELOP, MAINTAIN, MARGINAL"})
    void aTypeErrorNamesTheFieldAndTheAcceptedFormInWords(String method, String path, String body, String field, String expected) {
        MutableHttpRequest<?> request = "GET".equals(method) ? HttpRequest.GET(path)
                : HttpRequest.POST(path, body).contentType("application/json");
        Api.Problem answer = api.problem(request);
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals(field, answer.body().get("field"), answer.body().toString());
        assertTrue(answer.detail().contains(expected), answer.detail());
        assertFalse(JavaNames.in(answer.body().toString()), answer.body().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void exponentNotationIsNotAnAmountInJsonNorInCsv() {
        Api.Problem json = api.problem(HttpRequest.POST("/api/portfolio/budget", "{\"total\":1e3}"));
        assertEquals("total", json.body().get("field"));
        assertTrue(json.detail().endsWith("got 1e3 in exponent notation"), json.detail());
        Api.Problem csv = api.rejectedImport("orders", "client_id,order_id,order_date,amount\nA,O1,2011-10-01,1e3\n");
        assertEquals("amount", csv.body().get("column"));
        assertTrue(csv.detail().contains("'1e3' is in exponent notation: write amounts in plain digits"), csv.detail());
        Map<String, Object> plain = api.post("/api/portfolio/budget", Map.of("total", "1000.50"));
        assertEquals(1000.50, ((Number) plain.get("total")).doubleValue());
        assertEquals(0, db.count("SELECT COUNT(*) FROM order_line"));
    }
}
