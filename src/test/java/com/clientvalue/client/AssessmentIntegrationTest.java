package com.clientvalue.client;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Risk / opportunity assessments: recorded with history, and "assessment due" for key clients. */
@MicronautTest(transactional = false)
class AssessmentIntegrationTest extends HttpIntegrationTest {
    Api api;

    @BeforeEach
    void keyClient() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,Key,Italy,90\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK1,O1,2011-10-01,1000\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void assessmentsAreKeptNewestFirstAndMakeTheKeyClientNoLongerDue() {
        assertTrue(actions(decide("2011-12-10")).contains("ASSESSMENT_DUE"), "never assessed");

        assertEquals(201, http.toBlocking().exchange(HttpRequest.POST("/api/clients/K1/assessments", assessment("2011-01-15", 4))).code());
        api.post("/api/clients/K1/assessments", assessment("2011-11-30", 2));

        List<Map<String, Object>> history = (List<Map<String, Object>>) (Object) api.read("{\"h\":"
                + api.getRaw("/api/clients/K1/assessments") + "}").get("h");
        assertEquals(List.of("2011-11-30", "2011-01-15"), history.stream().map(h -> h.get("assessedOn")).toList());
        assertEquals(Map.of("risk", 2, "opportunity", 3), history.get(0).get("competition"));
        assertEquals(List.of("Anna Rossi", "Marco Bianchi"), history.get(0).get("assessors"));
        Map<String, Object> decision = decide("2011-12-10");
        assertEquals(10, ((Map<?, ?>) decision.get("facts")).get("daysSinceAssessment"));
        assertTrue(!actions(decision).contains("ASSESSMENT_DUE"));
        // as of a date before the recent one, the January assessment is 180 days old: due again
        assertEquals(180, ((Map<?, ?>) decide("2011-07-14").get("facts")).get("daysSinceAssessment"));
    }

    @Test
    void theLatestAssessmentIsScoredPlacedOnTheMatrixAndAudited() {
        api.post("/api/clients/K1/assessments", assessment("2011-01-15", 4));
        api.post("/api/clients/K1/assessments", assessment("2011-11-30", 2));

        // weights 3/2/1/2/2: risk (3x2+2x2+1x2+2x2+2x2)/10 = 2.00, opportunity (3x3+2x4+1x4+2x4+2x4)/10 = 3.70
        Map<String, Object> decision = decide("2011-12-10");
        Map<?, ?> assessment = (Map<?, ?>) ((Map<?, ?>) decision.get("outcome")).get("assessment");
        assertEquals("2011-11-30", assessment.get("assessedOn"));
        assertEquals(2.0, ((Number) assessment.get("riskScore")).doubleValue());
        assertEquals(3.7, ((Number) assessment.get("opportunityScore")).doubleValue());
        assertEquals(List.of("LOW", "HIGH", "A", "DEVELOP"), List.of(assessment.get("riskBand"), assessment.get("opportunityBand"),
                assessment.get("volume"), assessment.get("position")));
        assertEquals(List.of(), assessment.get("criticalDimensions"));
        assertTrue(actions(decision).contains("DEVELOPMENT_PLAN"));
        Map<String, Object> audited = api.get("/api/audit/decisions/" + decision.get("decisionId"));
        assertEquals(assessment, ((Map<?, ?>) audited.get("outcome")).get("assessment"));
        assertTrue(audited.toString().contains("ASM-POS-DEVELOP"), "the matrix row is among the fired rules");

        // as of July only the January assessment counts: competition risk 4 makes risk (3x4+8)/10 = 2.60 and is critical
        Map<?, ?> july = (Map<?, ?>) ((Map<?, ?>) decide("2011-07-14").get("outcome")).get("assessment");
        assertEquals(2.6, ((Number) july.get("riskScore")).doubleValue());
        assertEquals("MEDIUM", july.get("riskBand"));
        assertEquals(List.of("COMPETITION"), july.get("criticalDimensions"));
    }

    @Test
    void invalidAssessmentNamesTheField() {
        Map<String, Object> body = assessment("2011-01-15", 6);

        Api.Problem problem = api.problem(HttpRequest.POST("/api/clients/K1/assessments", body));

        assertEquals(400, problem.status());
        assertEquals("competition.risk: must be less than or equal to 5", problem.detail());
        assertEquals(0, db.count("SELECT COUNT(*) FROM assessment"));
        assertEquals(404, api.problem(HttpRequest.POST("/api/clients/NOPE/assessments", assessment("2011-01-15", 3))).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssessmentRecordsWhoAssessedInWhichRole() {
        Map<String, Object> team = put("/api/clients/K1/team", Map.of("members", List.of(
                Map.of("role", "KEY_ACCOUNT", "name", "Anna Rossi"), Map.of("role", "AREA_MANAGER", "name", "Paolo Verdi"))));
        assertEquals(List.of("CUSTOMER_SERVICE"), team.get("missingRoles"));

        // Marco Bianchi is not in the team: his role is given; Anna Rossi's comes from the team
        Map<String, Object> body = assessment("2011-01-15", 3);
        body.put("assessorRoles", List.of(Map.of("name", "marco bianchi", "role", "CUSTOMER_SERVICE")));
        Map<String, Object> recorded = api.post("/api/clients/K1/assessments", body);
        assertEquals(List.of(Map.of("name", "Anna Rossi", "role", "KEY_ACCOUNT"), Map.of("name", "Marco Bianchi", "role", "CUSTOMER_SERVICE")),
                recorded.get("assessorRoles"));
        assertEquals(List.of("AREA_MANAGER"), recorded.get("missingRoles"));

        // the team changes later: the recorded assessment keeps the roles it was made in
        put("/api/clients/K1/team", Map.of("members", List.of(Map.of("role", "KEY_ACCOUNT", "name", "Paolo Verdi"))));
        List<Map<String, Object>> history = (List<Map<String, Object>>) (Object) api.read("{\"h\":"
                + api.getRaw("/api/clients/K1/assessments") + "}").get("h");
        assertEquals("KEY_ACCOUNT", ((List<Map<String, Object>>) history.get(0).get("assessorRoles")).get(0).get("role"));
        Map<String, Object> withoutTeam = api.post("/api/clients/K1/assessments", assessment("2011-02-15", 3));
        assertEquals(null, ((List<Map<String, Object>>) withoutTeam.get("assessorRoles")).get(0).get("role"),
                "Anna Rossi holds no role in the team any more");
    }

    @Test
    void rolesAreCheckedAndNothingIsWrittenWhenOneIsWrong() {
        Api.Problem twice = api.problem(HttpRequest.PUT("/api/clients/K1/team", Map.of("members", List.of(
                Map.of("role", "KEY_ACCOUNT", "name", "Anna Rossi"), Map.of("role", "KEY_ACCOUNT", "name", "Paolo Verdi")))));
        assertEquals(400, twice.status());
        assertEquals("members[1].role", twice.body().get("field"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM client_team_member"));

        Map<String, Object> body = assessment("2011-01-15", 3);
        body.put("assessorRoles", List.of(Map.of("name", "Nobody", "role", "AREA_MANAGER")));
        Api.Problem stranger = api.problem(HttpRequest.POST("/api/clients/K1/assessments", body));
        assertEquals(400, stranger.status());
        assertEquals("assessorRoles[0].name", stranger.body().get("field"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM assessment"));

        Api.Problem unknownRole = api.problem(HttpRequest.PUT("/api/clients/K1/team", Map.of("members", List.of(
                Map.of("role", "JANITOR", "name", "Anna Rossi")))));
        assertEquals(400, unknownRole.status());
        assertTrue(!unknownRole.detail().contains("com.clientvalue"), unknownRole.detail());
    }

    private Map<String, Object> put(String uri, Object body) {
        return api.read(http.toBlocking().retrieve(HttpRequest.PUT(uri, body), String.class));
    }

    private Map<String, Object> decide(String asOf) {
        return api.post("/api/decisions", Map.of("clientId", "K1", "asOf", asOf));
    }

    private static Map<String, Object> assessment(String date, int competitionRisk) {
        Map<String, Object> body = new HashMap<>();
        body.put("assessedOn", date);
        body.put("assessors", List.of("Anna Rossi", "Marco Bianchi"));
        body.put("competition", Map.of("risk", competitionRisk, "opportunity", 3));
        for (String dimension : List.of("serviceLevel", "knowledge", "product", "people")) {
            body.put(dimension, Map.of("risk", 2, "opportunity", 4));
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> decision) {
        return ((List<Map<String, Object>>) ((Map<?, ?>) decision.get("outcome")).get("actions")).stream()
                .map(a -> (String) a.get("code")).toList();
    }
}
