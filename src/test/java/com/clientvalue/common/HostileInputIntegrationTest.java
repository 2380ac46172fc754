package com.clientvalue.common;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.rules.RuleZip;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of bad requests across every endpoint that takes input: each must get a 4xx
 * problem+json whose detail names the fault, never a 5xx, and must write nothing (every table is
 * counted after each case).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTest extends HttpIntegrationTest {
    private static final String HUGE = "x".repeat(100_000);
    private static final String BOM = "\uFEFF";

    /** One bad request; fragment, when given, must appear in the problem's detail. */
    record Case(String name, Supplier<MutableHttpRequest<?>> request, String fragment) {
    }

    Api api;
    String decisionId;

    @BeforeAll
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nA,Alpha,Italy,90\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nA,O1,2011-10-01,1000\n");
        decisionId = (String) api.post("/api/decisions", Map.of("clientId", "A", "asOf", "2011-12-10")).get("decisionId");
    }

    @Test
    void everyBadRequestIsAClear4xxAndWritesNothing() {
        List<Case> cases = corpus();
        assertTrue(cases.size() >= 200, "the corpus has " + cases.size() + " cases");
        List<String> failures = new ArrayList<>();
        String before = db.fingerprintAll();
        for (Case c : cases) {
            Api.Problem answer = api.answer(c.request().get());
            String detail = answer.detail();
            if (answer.status() < 400 || answer.status() >= 500) {
                failures.add(c.name() + ": status " + answer.status() + " " + answer.body());
            } else if (!answer.contentType().startsWith("application/problem+json") || detail == null || detail.isBlank()
                    || "null".equals(detail)) {
                failures.add(c.name() + ": not a problem with a detail: " + answer.contentType() + " " + answer.body());
            } else if (c.fragment() != null && !detail.contains(c.fragment())) {
                failures.add(c.name() + ": detail '" + detail + "' does not name '" + c.fragment() + "'");
            } else if (JavaNames.in(answer.body().toString()) || answer.headers().values().stream().anyMatch(JavaNames::in)) {
                failures.add(c.name() + ": shows Java names: " + answer.body());
            } else if (answer.status() == 400 && !namesWhatIsWrong(answer.body())) {
                failures.add(c.name() + ": a 400 that names no field, parameter or line: " + answer.body());
            }
            String after = db.fingerprintAll();
            // a refused publication or shadow is itself recorded (issue 13): one admin event, nothing else
            if (answer.status() == 422 && (c.name().startsWith("rules /api/rules/versions") || c.name().startsWith("rules /api/rules/shadow"))
                    && withoutAdminLog(after).equals(withoutAdminLog(before))
                    && List.of("RULES_REFUSED", "SHADOW_REFUSED").contains(db.text("SELECT action FROM admin_event ORDER BY id DESC LIMIT 1"))) {
                before = after;
            }
            if (!after.equals(before)) {
                failures.add(c.name() + ": wrote to the database (" + before + " -> " + after + ")");
                before = after;
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases failed");
    }

    private static String withoutAdminLog(String fingerprint) {
        return fingerprint.replaceFirst("/admin_event=\\d+", "");
    }

    // a field or parameter (field), the line (and column) of a CSV import, or the problems of a rule archive
    private static boolean namesWhatIsWrong(Map<String, Object> body) {
        return body.get("field") != null || body.get("line") != null || body.get("problems") != null;
    }

    private List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        malformedJson(cases);
        decisionFields(cases);
        otherJsonFields(cases);
        csvImports(cases);
        queryParameters(cases);
        ruleArchives(cases);
        oversized(cases);
        typesAndRoutes(cases);
        return cases;
    }

    private static final List<String[]> JSON_ENDPOINTS = List.of(
            new String[]{"POST", "/api/decisions"}, new String[]{"POST", "/api/decisions/service-requests"},
            new String[]{"POST", "/api/decisions/batch"}, new String[]{"POST", "/api/actions"},
            new String[]{"POST", "/api/clients/A/assessments"}, new String[]{"PUT", "/api/clients/A/loss-reason"},
            new String[]{"POST", "/api/portfolio/budget"}, new String[]{"POST", "/api/tokens"});

    private static void malformedJson(List<Case> cases) {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        List<String[]> bodies = List.of(
                new String[]{"empty body", ""}, new String[]{"an opening brace", "{"}, new String[]{"truncated", "{\"clientId\": "},
                new String[]{"truncated string", "{\"clientId\": \"A"}, new String[]{"an array", "[]"}, new String[]{"null", "null"},
                new String[]{"a string", "\"A\""}, new String[]{"a number", "123"}, new String[]{"single quotes", "{'clientId': 'A'}"},
                new String[]{"a NUL byte", "\u0000"}, new String[]{"deep nesting", deep},
                new String[]{"an unknown field", "{\"clientId\": \"A\", \"asOf\": \"2011-12-10\", \"dropTables\": true}"},
                new String[]{"a trailing comma", "{\"clientId\": \"A\",}"}, new String[]{"NaN", "{\"clientId\": NaN}"});
        for (String[] endpoint : JSON_ENDPOINTS) {
            for (String[] body : bodies) {
                cases.add(new Case(endpoint[0] + " " + endpoint[1] + " with " + body[0], () -> json(endpoint[0], endpoint[1], body[1]), null));
            }
        }
    }

    private static void decisionFields(List<Case> cases) {
        String[][] decisions = {
                {"blank clientId", "{\"clientId\": \"\"}", "clientId"},
                {"huge clientId", "{\"clientId\": \"" + HUGE + "\"}", "clientId"},
                {"clientId as object", "{\"clientId\": {}}", null},
                {"clientId as list", "{\"clientId\": [\"A\"]}", null},
                {"SQL in clientId", "{\"clientId\": \"A' OR '1'='1\"}", "A' OR '1'='1"},
                {"formula in clientId", "{\"clientId\": \"=HYPERLINK(\\\"http://x\\\")\"}", null},
                {"February 30", "{\"clientId\": \"A\", \"asOf\": \"2011-02-30\"}", null},
                {"year 0", "{\"clientId\": \"A\", \"asOf\": \"0000-01-01\"}", null},
                {"year 9999", "{\"clientId\": \"A\", \"asOf\": \"9999-12-31\"}", "1900-01-01"},
                {"year 1899", "{\"clientId\": \"A\", \"asOf\": \"1899-12-31\"}", "1900-01-01"},
                {"a date-time", "{\"clientId\": \"A\", \"asOf\": \"2011-12-10T10:00:00\"}", null},
                {"a word for a date", "{\"clientId\": \"A\", \"asOf\": \"yesterday\"}", null},
                {"a number for a date", "{\"clientId\": \"A\", \"asOf\": 20111210}", null},
                {"missing clientId", "{\"asOf\": \"2011-12-10\"}", "clientId"}};
        for (String[] d : decisions) {
            cases.add(new Case("decision with " + d[0], () -> json("POST", "/api/decisions", d[1]), d[2]));
        }
        String[][] requests = {
                {"paid as text", "{\"clientId\":\"A\",\"service\":\"EXPRESS_DELIVERY\",\"paid\":\"maybe\"}", null},
                {"paid missing", "{\"clientId\":\"A\",\"service\":\"EXPRESS_DELIVERY\"}", "paid"},
                {"negative discount", "{\"clientId\":\"A\",\"service\":\"EXPRESS_DELIVERY\",\"paid\":true,\"discountPercent\":-5}", "discountPercent"},
                {"discount over 100", "{\"clientId\":\"A\",\"service\":\"EXPRESS_DELIVERY\",\"paid\":true,\"discountPercent\":101}", "discountPercent"},
                {"discount 1e400", "{\"clientId\":\"A\",\"service\":\"EXPRESS_DELIVERY\",\"paid\":true,\"discountPercent\":1e400}", "discountPercent"},
                {"discount 1e-400", "{\"clientId\":\"A\",\"service\":\"EXPRESS_DELIVERY\",\"paid\":true,\"discountPercent\":1e-400}", "discountPercent"},
                {"discount NaN text", "{\"clientId\":\"A\",\"service\":\"EXPRESS_DELIVERY\",\"paid\":true,\"discountPercent\":\"NaN\"}", null},
                {"unknown service", "{\"clientId\":\"A\",\"service\":\"FREE_LUNCH\",\"paid\":true}", "FREE_LUNCH"},
                {"huge service", "{\"clientId\":\"A\",\"service\":\"" + HUGE + "\",\"paid\":true}", "service"},
                {"unknown client", "{\"clientId\":\"NOPE\",\"service\":\"EXPRESS_DELIVERY\",\"paid\":true}", "NOPE"}};
        for (String[] r : requests) {
            cases.add(new Case("service request with " + r[0], () -> json("POST", "/api/decisions/service-requests", r[1]), r[2]));
        }
        StringBuilder many = new StringBuilder("{\"clientIds\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("\"C").append(i).append('"');
        }
        String[][] batches = {
                {"no ids", "{\"clientIds\": []}", "clientIds"}, {"1001 ids", many + "]}", "clientIds"},
                {"a null id", "{\"clientIds\": [null]}", null}, {"a blank id", "{\"clientIds\": [\"\"]}", "clientIds"},
                {"a string for the list", "{\"clientIds\": \"A\"}", null}, {"an unknown id", "{\"clientIds\": [\"A\", \"NOPE\"]}", "NOPE"},
                {"a huge id", "{\"clientIds\": [\"" + HUGE + "\"]}", "clientIds"}, {"year 9999", "{\"clientIds\": [\"A\"], \"asOf\": \"9999-01-01\"}", "asOf"}};
        for (String[] b : batches) {
            cases.add(new Case("batch with " + b[0], () -> json("POST", "/api/decisions/batch", b[1]), b[2]));
        }
    }

    private void otherJsonFields(List<Case> cases) {
        String[][] actions = {
                {"an unknown decision", "{\"decisionId\":\"00000000-0000-0000-0000-000000000000\",\"actionCode\":\"PRIORITY_LANE\",\"doneOn\":\"2011-12-11\"}", null},
                {"an action not proposed", "{\"decisionId\":\"" + decisionId + "\",\"actionCode\":\"SELF_SERVICE_CHANNELS\",\"doneOn\":\"2011-12-11\"}", "SELF_SERVICE_CHANNELS"},
                {"a future date", "{\"decisionId\":\"" + decisionId + "\",\"actionCode\":\"PRIORITY_LANE\",\"doneOn\":\"2999-01-01\"}", "doneOn"},
                {"year 1", "{\"decisionId\":\"" + decisionId + "\",\"actionCode\":\"PRIORITY_LANE\",\"doneOn\":\"0001-01-01\"}", "doneOn"},
                {"no date", "{\"decisionId\":\"" + decisionId + "\",\"actionCode\":\"PRIORITY_LANE\"}", "doneOn"},
                {"a huge outcome", "{\"decisionId\":\"" + decisionId + "\",\"actionCode\":\"PRIORITY_LANE\",\"doneOn\":\"2011-12-11\",\"outcome\":\"" + HUGE + "\"}", "outcome"},
                {"a huge decision id", "{\"decisionId\":\"" + HUGE + "\",\"actionCode\":\"PRIORITY_LANE\",\"doneOn\":\"2011-12-11\"}", "decisionId"}};
        for (String[] a : actions) {
            cases.add(new Case("action with " + a[0], () -> json("POST", "/api/actions", a[1]), a[2]));
        }
        String dims = ",\"serviceLevel\":{\"risk\":2,\"opportunity\":2},\"knowledge\":{\"risk\":2,\"opportunity\":2},"
                + "\"product\":{\"risk\":2,\"opportunity\":2},\"people\":{\"risk\":2,\"opportunity\":2}";
        String[][] assessments = {
                {"risk 0", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":0,\"opportunity\":2}" + dims + "}", "competition.risk"},
                {"risk 6", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":6,\"opportunity\":2}" + dims + "}", "competition.risk"},
                {"risk -1", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":-1,\"opportunity\":2}" + dims + "}", "competition.risk"},
                {"risk 1e10", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":1e10,\"opportunity\":2}" + dims + "}", null},
                {"risk 2.5", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":2.5,\"opportunity\":2}" + dims + "}", null},
                {"a missing dimension", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"]" + dims + "}", "competition"},
                {"no assessors", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[],\"competition\":{\"risk\":2,\"opportunity\":2}" + dims + "}", "assessors"},
                {"eleven assessors", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"],\"competition\":{\"risk\":2,\"opportunity\":2}" + dims + "}", "assessors"},
                {"a future date", "{\"assessedOn\":\"2999-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":2,\"opportunity\":2}" + dims + "}", "assessedOn"},
                {"year 1800", "{\"assessedOn\":\"1800-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":2,\"opportunity\":2}" + dims + "}", "assessedOn"},
                {"huge notes", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":2,\"opportunity\":2}" + dims + ",\"notes\":\"" + HUGE + "\"}", "notes"}};
        for (String[] a : assessments) {
            cases.add(new Case("assessment with " + a[0], () -> json("POST", "/api/clients/A/assessments", a[1]), a[2]));
        }
        cases.add(new Case("assessment of an unknown client", () -> json("POST", "/api/clients/NOPE/assessments",
                assessments[0][1].replace("\"risk\":0", "\"risk\":2")), "NOPE"));
        cases.add(new Case("loss reason too long", () -> json("PUT", "/api/clients/A/loss-reason", "{\"reason\":\"" + "r".repeat(201) + "\"}"), "reason"));
        cases.add(new Case("loss reason of an unknown client", () -> json("PUT", "/api/clients/NOPE/loss-reason", "{\"reason\":\"price\"}"), "NOPE"));
        cases.add(new Case("loss reason as a number list", () -> json("PUT", "/api/clients/A/loss-reason", "{\"reason\":[1,2]}"), null));
        String[][] budgets = {
                {"a negative total", "{\"total\":-1}", "total"}, {"a total of 1e13", "{\"total\":1e13}", "total"},
                {"NaN as text", "{\"total\":\"NaN\"}", null}, {"no total", "{}", "total"}, {"a formatted total", "{\"total\":\"1,000\"}", null},
                {"infinity", "{\"total\":\"Infinity\"}", null}, {"year 9999", "{\"total\":1000,\"asOf\":\"9999-01-01\"}", "asOf"}};
        for (String[] b : budgets) {
            cases.add(new Case("budget with " + b[0], () -> json("POST", "/api/portfolio/budget", b[1]), b[2]));
        }
        String[][] tokens = {
                {"a name with spaces", "{\"name\":\"a b\",\"roles\":[\"CRM\"]}", "name"}, {"a blank name", "{\"name\":\"\",\"roles\":[\"CRM\"]}", "name"},
                {"no roles", "{\"name\":\"n\",\"roles\":[]}", "roles"}, {"an unknown role", "{\"name\":\"n\",\"roles\":[\"ROOT\"]}", "roles[0]"},
                {"a long name", "{\"name\":\"" + "n".repeat(101) + "\",\"roles\":[\"CRM\"]}", "name"},
                {"SQL in the name", "{\"name\":\"x'); DROP TABLE api_token; --\",\"roles\":[\"CRM\"]}", "name"}};
        for (String[] t : tokens) {
            cases.add(new Case("token with " + t[0], () -> json("POST", "/api/tokens", t[1]), t[2]));
        }
        cases.add(new Case("revoking an unknown token", () -> HttpRequest.DELETE("/api/tokens/nobody"), "nobody"));
    }

    private static void csvImports(List<Case> cases) {
        String[][] clients = {
                {"a missing column", "client_id,name\nB,Beta\n", "country"},
                {"a short row", "client_id,name,country\nB,Beta\n", "line 2"},
                {"a long row", "client_id,name,country\nB,Beta,Italy,extra\n", "line 2"},
                {"an open quote", "client_id,name,country\nB,\"Beta,Italy\n", null},
                {"a BOM and a bad potential", BOM + "client_id,name,country,potential\nB,Beta,Italy,101\n", "potential"},
                {"CRLF and a negative potential", "client_id,name,country,potential\r\nB,Beta,Italy,-1\r\n", "potential"},
                {"a formula for employees", "client_id,name,country,employees\nB,Beta,Italy,=1+1\n", "employees"},
                {"a blank id", "client_id,name,country\n,Beta,Italy\n", "client_id"},
                {"a huge id", "client_id,name,country\n" + "B".repeat(1000) + ",Beta,Italy\n", "client_id"},
                {"a duplicate column", "client_id,name,country,name\nB,Beta,Italy,Other\n", "name"},
                {"an unknown column", "client_id,name,country,password\nB,Beta,Italy,x\n", "password"},
                {"binary garbage", "\u0000\u0001\u0002\u00ff\n", null},
                {"an empty body", "", null}};
        for (String[] c : clients) {
            cases.add(new Case("client import with " + c[0], () -> csv("clients", c[1]), c[2]));
        }
        String[][] orders = {
                {"an unknown client", "client_id,order_id,order_date,amount\nNOPE,O9,2011-10-01,10\n", "NOPE"},
                {"SQL in the client", "client_id,order_id,order_date,amount\nA'; DROP TABLE client;--,O9,2011-10-01,10\n", "line 2"},
                {"a bad date", "client_id,order_id,order_date,amount\nA,O9,2011-13-01,10\n", "order_date"},
                {"year 0001", "client_id,order_id,order_date,amount\nA,O9,0001-01-01,10\n", "order_date"},
                {"a formula amount", "client_id,order_id,order_date,amount\nA,O9,2011-10-01,=SUM(A1:A9)\n", "amount"},
                {"NaN amount", "client_id,order_id,order_date,amount\nA,O9,2011-10-01,NaN\n", "amount"},
                {"an amount of 1e400", "client_id,order_id,order_date,amount\nA,O9,2011-10-01,1e400\n", "amount"},
                {"a 40-digit amount", "client_id,order_id,order_date,amount\nA,O9,2011-10-01," + "9".repeat(40) + "\n", "amount"},
                {"a comma decimal", "client_id,order_id,order_date,amount\nA,O9,2011-10-01,\"10,5\"\n", "amount"},
                {"a bad margin", "client_id,order_id,order_date,amount,margin\nA,O9,2011-10-01,10,lots\n", "margin"},
                {"one order on two dates", "client_id,order_id,order_date,amount\nA,O9,2011-10-01,10\nA,O9,2011-10-02,10\n", "O9"},
                {"an embedded newline in the id", "client_id,order_id,order_date,amount\nA,\"O\n9\",2011-10-01,10\n", "order_id"},
                {"a good line then a bad one", "client_id,order_id,order_date,amount\nA,O8,2011-10-01,10\nA,O9,2011-10-01,ten\n", "line 3"}};
        for (String[] o : orders) {
            cases.add(new Case("order import with " + o[0], () -> csv("orders", o[1]), o[2]));
        }
        String[][] surveys = {
                {"expectation 0", "client_id,survey_date,expectation,experience\nA,2011-11-01,0,3\n", "expectation"},
                {"experience 6", "client_id,survey_date,expectation,experience\nA,2011-11-01,3,6\n", "experience"},
                {"a decimal score", "client_id,survey_date,expectation,experience\nA,2011-11-01,3.5,3\n", "expectation"},
                {"an unknown client", "client_id,survey_date,expectation,experience\nNOPE,2011-11-01,3,3\n", "NOPE"},
                {"a bad date", "client_id,survey_date,expectation,experience\nA,01/11/2011,3,3\n", "survey_date"},
                {"a huge comment", "client_id,survey_date,expectation,experience,comment\nA,2011-11-01,3,3," + HUGE + "\n", "comment"}};
        for (String[] s : surveys) {
            cases.add(new Case("survey import with " + s[0], () -> csv("surveys", s[1]), s[2]));
        }
        String[][] complaints = {
                {"severity 9", "client_id,complaint_date,category,severity\nA,2011-11-01,DELIVERY,9\n", "severity"},
                {"no category", "client_id,complaint_date,category\nA,2011-11-01,\n", "category"},
                {"an unknown client", "client_id,complaint_date,category\nNOPE,2011-11-01,DELIVERY\n", "NOPE"},
                {"a missing date column", "client_id,category\nA,DELIVERY\n", "complaint_date"},
                {"a date in 3000", "client_id,complaint_date,category\nA,3000-01-01,DELIVERY\n", "complaint_date"}};
        for (String[] c : complaints) {
            cases.add(new Case("complaint import with " + c[0], () -> csv("complaints", c[1]), c[2]));
        }
        cases.add(new Case("orders sent as JSON", () -> HttpRequest.POST("/api/imports/orders", "{\"client_id\":\"A\"}")
                .contentType("application/json"), null));
    }

    private static void queryParameters(List<Case> cases) {
        String[][] gets = {
                {"/api/portfolio/abc?by=PROFIT", "PROFIT"}, {"/api/portfolio/abc?page=-1", "page"}, {"/api/portfolio/abc?size=0", "size"},
                {"/api/portfolio/abc?size=100000", "size"}, {"/api/portfolio/abc?abcClass=Z", "Z"}, {"/api/portfolio/abc?asOf=2011-02-30", null},
                {"/api/portfolio/summary?asOf=9999-12-31", "asOf"}, {"/api/portfolio/summary?asOf=%27%3B%20DROP%20TABLE%20client", null},
                {"/api/portfolio/concentration?by=X", "X"}, {"/api/portfolio/segments?asOf=0001-01-01", "asOf"},
                {"/api/portfolio/clv?cluster=NOPE", "NOPE"}, {"/api/portfolio/clv?size=-5", "size"},
                {"/api/portfolio/matrices?asOf=tomorrow", null}, {"/api/portfolio/budget.csv?total=-5", "total"},
                {"/api/audit/decisions?size=501", "size"}, {"/api/audit/decisions?from=yesterday", null},
                {"/api/audit/decisions?page=-1", "page"}, {"/api/audit/decisions/%27%20OR%201%3D1", null},
                {"/api/events/transitions?limit=-1", "limit"}, {"/api/events/transitions?since=2011-13-01", null},
                {"/api/admin/events?limit=0", "limit"}, {"/api/admin/events?limit=100000", "limit"},
                {"/api/clients/NOPE", "NOPE"}, {"/api/clients/A?asOf=9999-01-01", "asOf"},
                {"/api/rules/versions/" + "f".repeat(65), "version"}, {"/api/rules/versions/unknown", "unknown"},
                {"/api/portfolio/resegmentations/-1", null}, {"/api/actions/results?asOf=2011-00-01", null}};
        for (String[] g : gets) {
            cases.add(new Case("GET " + g[0], () -> HttpRequest.GET(g[0]), g[1]));
        }
        cases.add(new Case("resegmentation as of 9999", () -> HttpRequest.POST("/api/portfolio/resegmentations?asOf=9999-01-01", ""), "asOf"));
        cases.add(new Case("rollback to an unknown version", () -> HttpRequest.POST("/api/rules/versions/abc/activate", ""), "abc"));
        cases.add(new Case("replay of an unknown decision", () -> HttpRequest.POST("/api/audit/decisions/nope/replay", ""), "nope"));
    }

    private static void ruleArchives(List<Case> cases) {
        List<String> endpoints = List.of("/api/rules/validate", "/api/rules/versions", "/api/rules/impact?asOf=2011-12-10", "/api/rules/shadow");
        byte[] bomb = zip("clusters/huge.csv", new byte[30 * 1024 * 1024]);
        byte[] traversal = zip("../../etc/passwd.csv", "x".getBytes(StandardCharsets.UTF_8));
        byte[] corruptXlsx = RuleZip.ofRealFolder().add("clusters/broken.xlsx", "not a spreadsheet".getBytes(StandardCharsets.UTF_8)).bytes();
        byte[] brokenTable = RuleZip.ofRealFolder().replace("clusters/cluster-classification.csv", "CLU-KEY,", "CLU-KEY,,").bytes();
        byte[] empty = zip(null, null);
        String[][] archives = {{"text, not a zip", null}, {"an empty zip", null}, {"a zip bomb", "MB"}, {"a path outside the folder", "passwd"},
                {"a corrupt XLSX", "broken.xlsx"}, {"a broken table", "cluster-classification.csv"}};
        byte[][] bodies = {"hello".getBytes(StandardCharsets.UTF_8), empty, bomb, traversal, corruptXlsx, brokenTable};
        for (String endpoint : endpoints) {
            for (int i = 0; i < archives.length; i++) {
                byte[] body = bodies[i];
                cases.add(new Case("rules " + endpoint + " with " + archives[i][0],
                        () -> HttpRequest.POST(endpoint, body).contentType("application/zip"), archives[i][1]));
            }
        }
    }

    // wrong types in every place a value is read, wrong routes, wrong content types, management paths
    private static void typesAndRoutes(List<Case> cases) {
        String[][] bodies = {
                {"/api/decisions/service-requests", "{\"clientId\":\"A\",\"service\":\"TRAINING\",\"paid\":\"no\"}", "paid"},
                {"/api/decisions/service-requests", "{\"clientId\":\"A\",\"service\":\"TRAINING\",\"paid\":true,\"discountPercent\":1e1}", "discountPercent"},
                {"/api/decisions/service-requests", "{\"clientId\":\"A\",\"service\":\"TRAINING\",\"paid\":true,\"discountPercent\":{}}", "discountPercent"},
                {"/api/decisions", "{\"clientId\":\"A\",\"asOf\":\"2011-02-30\"}", "asOf"},
                {"/api/decisions", "{\"clientId\":\"A\",\"asOf\":[2011,12,10]}", "asOf"},
                {"/api/decisions", "{\"clientId\":12}", "clientId"},
                {"/api/decisions", "{\"clientId\":\"A\",\"asOf\":true}", "asOf"},
                {"/api/decisions/batch", "{\"clientIds\":{\"a\":1}}", "clientIds"},
                {"/api/portfolio/budget", "{\"total\":1e3}", "total"},
                {"/api/portfolio/budget", "{\"total\":1E+3}", "total"},
                {"/api/portfolio/budget", "{\"total\":true}", "total"},
                {"/api/portfolio/budget", "{\"total\":1000,\"asOf\":\"10/12/2011\"}", "asOf"},
                {"/api/actions", "{\"decisionId\":\"x\",\"actionCode\":\"PRIORITY_LANE\",\"doneOn\":\"2011-13-01\"}", "doneOn"},
                {"/api/actions", "{\"decisionId\":[],\"actionCode\":\"PRIORITY_LANE\",\"doneOn\":\"2011-12-01\"}", "decisionId"},
                {"/api/tokens", "{\"name\":\"n\",\"roles\":\"ADMIN\"}", "roles"},
                {"/api/clients/A/assessments", "{\"assessedOn\":\"2011-12-01\",\"assessors\":[\"Ann\"],\"competition\":{\"risk\":\"high\",\"opportunity\":2}}", "competition.risk"}};
        for (String[] b : bodies) {
            cases.add(new Case("type error at " + b[2] + " in " + b[1], () -> json("POST", b[0], b[1]), b[2]));
        }
        String[][] gets = {
                {"/api/portfolio/abc?by=FOO", "by"}, {"/api/portfolio/abc?by=revenue%00", "by"}, {"/api/portfolio/abc?page=1.5", "page"},
                {"/api/portfolio/abc?size=1e3", "size"}, {"/api/portfolio/clv?cluster=gold", "cluster"},
                {"/api/portfolio/budget.csv?total=1,000", "total"}, {"/api/portfolio/budget.csv", "total"},
                {"/api/audit/decisions?to=2011-12-32", "to"}, {"/api/audit/decisions?size=ten", "size"},
                {"/api/events/transitions?afterId=x", "afterId"}, {"/api/admin/events?beforeId=1e3", "beforeId"},
                {"/api/portfolio/resegmentations/abc", "id"}, {"/api/portfolio/resegmentations/99999999999999999999", "id"},
                {"/health/jdbc", "selector"}, {"/health/liveness%2F..", null}};
        for (String[] g : gets) {
            cases.add(new Case("GET " + g[0], () -> HttpRequest.GET(g[0]), g[1]));
        }
        String[][] routes = {{"GET", "/api/nope"}, {"GET", "/api"}, {"GET", "/api/decisions"}, {"DELETE", "/api/decisions"},
                {"PATCH", "/api/clients/A/loss-reason"}, {"PUT", "/api/rules"}, {"GET", "/api/imports/orders"}, {"GET", "/beans"},
                {"POST", "/loggers/ROOT"}, {"POST", "/refresh"}, {"GET", "/env"}, {"GET", "/routes"}};
        for (String[] r : routes) {
            cases.add(new Case(r[0] + " " + r[1], () -> HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(r[0]), r[1]), null));
        }
        for (String[] endpoint : JSON_ENDPOINTS) {
            cases.add(new Case(endpoint[0] + " " + endpoint[1] + " as text/plain", () -> json(endpoint[0], endpoint[1], "{}")
                    .contentType("text/plain"), "Content-Type"));
            cases.add(new Case(endpoint[0] + " " + endpoint[1] + " as a form", () -> json(endpoint[0], endpoint[1], "a=b")
                    .contentType("application/x-www-form-urlencoded"), "Content-Type"));
        }
        for (String kind : List.of("clients", "orders", "surveys", "complaints")) {
            cases.add(new Case("import " + kind + " as JSON", () -> HttpRequest.POST("/api/imports/" + kind, "{}").contentType("application/json"),
                    "text/csv"));
        }
        cases.add(new Case("a rule archive as JSON", () -> HttpRequest.POST("/api/rules/validate", "{}").contentType("application/json"),
                "application/zip"));
    }

    private static void oversized(List<Case> cases) {
        String twoMegabytes = "{\"clientId\":\"A\",\"notes\":\"" + "n".repeat(2 * 1024 * 1024) + "\"}";
        for (String[] endpoint : JSON_ENDPOINTS) {
            cases.add(new Case(endpoint[0] + " " + endpoint[1] + " with a 2 MiB body", () -> json(endpoint[0], endpoint[1], twoMegabytes),
                    "at most 1048576 bytes"));
        }
        cases.add(new Case("a 21 MiB rule archive", () -> HttpRequest.POST("/api/rules/validate", new byte[21 * 1024 * 1024])
                .contentType("application/zip"), "at most 20971520 bytes"));
    }

    private static MutableHttpRequest<?> json(String method, String path, String body) {
        MutableHttpRequest<String> request = "PUT".equals(method) ? HttpRequest.PUT(path, body) : HttpRequest.POST(path, body);
        return request.contentType("application/json");
    }

    private static MutableHttpRequest<?> csv(String kind, String body) {
        return HttpRequest.POST("/api/imports/" + kind, body.getBytes(StandardCharsets.UTF_8)).contentType("text/csv");
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            if (name != null) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
