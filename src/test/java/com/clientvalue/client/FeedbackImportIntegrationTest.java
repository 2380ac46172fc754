package com.clientvalue.client;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class FeedbackImportIntegrationTest extends HttpIntegrationTest {
    private static final String SURVEYS = """
            client_id,survey_date,expectation,experience,comment
            C1,2011-01-10,5,2,"Late deliveries, twice"
            C1,2011-11-10,5,5,
            C2,2011-06-01,3,4,
            """;
    private static final String COMPLAINTS = """
            client_id,complaint_date,category,severity
            C1,2011-09-12,DELIVERY,3
            C1,2011-09-13,DELIVERY,
            C1,2011-12-01,INVOICE,2
            C2,2011-01-01,DELIVERY,5
            """;
    Api api;

    @BeforeEach
    void clients() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country\nC1,One,Italy\nC2,Two,Italy\n");
    }

    @Test
    void latestSurveyAndComplaintsOfTheLast90DaysBecomeFacts() {
        assertEquals(3, ((Number) api.importCsv("surveys", SURVEYS).get("rows")).intValue());
        assertEquals(4, ((Number) api.importCsv("complaints", COMPLAINTS).get("rows")).intValue());

        Map<String, Object> c1 = api.get("/api/clients/C1?asOf=2011-12-10");
        assertEquals("2011-11-10", c1.get("latestSurveyDate"));
        assertEquals(5, c1.get("latestExpectation"));
        assertEquals(5, c1.get("latestExperience"));
        // window 2011-09-12 (89 days) .. 2011-12-10; 2011-09-11 would be 90 days old
        assertEquals(3, c1.get("complaints90d"));
        assertEquals(2, api.get("/api/clients/C1?asOf=2011-12-11").get("complaints90d"));

        Map<String, Object> earlier = api.get("/api/clients/C1?asOf=2011-06-30");
        assertEquals("2011-01-10", earlier.get("latestSurveyDate"));
        assertEquals(2, earlier.get("latestExperience"));
    }

    @Test
    void reimportingChangesNothingAndALaterFileReplacesScores() {
        api.importCsv("surveys", SURVEYS);
        api.importCsv("complaints", COMPLAINTS);
        long surveys = db.count("SELECT COUNT(*) FROM survey");
        long complaints = db.count("SELECT COUNT(*) FROM complaint");

        api.importCsv("surveys", SURVEYS);
        api.importCsv("complaints", COMPLAINTS);
        assertEquals(surveys, db.count("SELECT COUNT(*) FROM survey"));
        assertEquals(complaints, db.count("SELECT COUNT(*) FROM complaint"));

        api.importCsv("surveys", "client_id,survey_date,expectation,experience\nC2,2011-06-01,4,2\n");
        assertEquals(2, api.get("/api/clients/C2?asOf=2011-12-10").get("latestExperience"));
        assertEquals(null, db.text("SELECT comment FROM survey WHERE client_id = 'C2'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            score above 5     | surveys    | client_id,survey_date,expectation,experience\\nC1,2011-01-01,4,4\\nC1,2011-02-01,6,4\\n | 3 | expectation | out of range 1..5
            missing score     | surveys    | client_id,survey_date,expectation,experience\\nC1,2011-01-01,4,\\n                  | 2 | experience  | a value is required
            unknown client    | surveys    | client_id,survey_date,expectation,experience\\nC1,2011-01-01,4,4\\nC9,2011-01-01,4,4\\n | 3 | client_id | unknown client 'C9'
            same survey twice | surveys    | client_id,survey_date,expectation,experience\\nC1,2011-01-01,4,4\\nC1,2011-01-01,3,3\\n | 3 | null      | already on line 2
            bad date          | complaints | client_id,complaint_date,category\\nC1,2011-04-31,DELIVERY\\n                        | 2 | complaint_date | not a date
            severity zero     | complaints | client_id,complaint_date,category,severity\\nC1,2011-04-01,DELIVERY,0\\n            | 2 | severity    | out of range 1..5
            """)
    void badFeedbackFileIsRefusedWhole(String what, String kind, String csv, int line, String column, String message) {
        api.importCsv("surveys", SURVEYS);
        long surveys = db.count("SELECT COUNT(*) FROM survey");
        long complaints = db.count("SELECT COUNT(*) FROM complaint");

        Api.Problem problem = api.rejectedImport(kind, csv.replace("\\n", "\n"));

        assertEquals(400, problem.status());
        assertEquals(line, ((Number) problem.body().get("line")).intValue());
        assertEquals(column.equals("null") ? null : column, problem.body().get("column"));
        assertTrue(problem.detail().contains(message), problem.detail());
        assertEquals(surveys, db.count("SELECT COUNT(*) FROM survey"));
        assertEquals(complaints, db.count("SELECT COUNT(*) FROM complaint"));
    }
}
