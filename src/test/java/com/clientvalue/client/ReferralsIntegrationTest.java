package com.clientvalue.client;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Referrals: recorded by import and API, facts of the referrer and the referred as of a date, the rules that thank and recognise, the portfolio's count. */
@MicronautTest(transactional = false)
class ReferralsIntegrationTest extends HttpIntegrationTest {
    Api api;

    // K1 potential 90 with most revenue: KEY; N1, N2 and N3 were brought by K1, M1 by N1
    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK1,Key,Italy,90\nN1,New one,Italy,10\nN2,New two,Italy,10\n"
                + "N3,New three,Italy,10\nM1,Marginal,Italy,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK1,O1,2011-10-01,10000\nN1,O2,2011-11-01,100\n"
                + "N2,O3,2011-11-20,50\nN3,O4,2010-06-01,30\nM1,O5,2011-11-01,20\n");
        api.importCsv("referrals", """
                client_id,referred_by,referred_on,note
                N1,K1,2011-11-01,met at the trade fair
                N2,K1,2011-11-20,
                N3,K1,2010-06-01,an old one
                M1,N1,2011-12-01,
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReferrerIsThankedAndRecognisedAndTheReferredIsTaggedAsOfTheDateOfTheReferral() {
        Map<String, Object> k1 = api.get("/api/clients/K1?asOf=2011-12-10");
        assertEquals(2, k1.get("referralsMade12m"), "N1 and N2; N3 is older than 12 months");
        assertEquals(20, k1.get("daysSinceLastReferral"), "N2, 2011-11-20");
        assertNull(k1.get("referredBy"));
        assertEquals("K1", api.get("/api/clients/N2?asOf=2011-12-10").get("referredBy"));
        assertNull(api.get("/api/clients/N2?asOf=2011-11-19").get("referredBy"), "not yet referred on that date");
        assertEquals(0, api.get("/api/clients/K1?asOf=2010-05-31").get("referralsMade12m"));
        assertNull(api.get("/api/clients/K1?asOf=2010-05-31").get("daysSinceLastReferral"));

        Map<String, Object> decision = api.post("/api/decisions", Map.of("clientId", "K1", "asOf", "2011-12-10"));
        List<String> actions = ((List<Map<String, Object>>) ((Map<?, ?>) decision.get("outcome")).get("actions")).stream()
                .map(a -> (String) a.get("code")).toList();
        assertTrue(actions.containsAll(List.of("REFERRAL_THANK_YOU", "REFERRAL_RECOGNITION_EVENT")), actions.toString());
        Map<String, Object> referred = api.post("/api/decisions", Map.of("clientId", "N2", "asOf", "2011-12-10"));
        assertTrue(((List<String>) ((Map<?, ?>) referred.get("outcome")).get("categories")).contains("REFERRED"));
        // N1, marginal, referred M1 on 2011-12-01: thanked, but no free recognition
        Map<String, Object> marginal = api.post("/api/decisions", Map.of("clientId", "N1", "asOf", "2011-12-10"));
        List<String> marginalActions = ((List<Map<String, Object>>) ((Map<?, ?>) marginal.get("outcome")).get("actions")).stream()
                .map(a -> (String) a.get("code")).toList();
        assertTrue(marginalActions.contains("REFERRAL_THANK_YOU") && marginalActions.stream().noneMatch(a -> a.startsWith("REFERRAL_RECOGNITION")),
                marginalActions.toString());
    }

    @Test
    void theCrmRecordsAReferralAndReadsItBack() {
        Map<String, Object> put = api.read(http.toBlocking().retrieve(HttpRequest.PUT("/api/clients/N3/referral",
                Map.of("referredBy", "M1", "referredOn", "2011-12-05"))));
        assertEquals("N3", put.get("clientId"));
        assertEquals("M1", api.get("/api/clients/N3/referral").get("referredBy"), "replaces K1's");
        assertEquals(404, api.problem(HttpRequest.GET("/api/clients/K1/referral")).status(), "nobody referred K1");
        assertEquals(404, api.problem(HttpRequest.PUT("/api/clients/N3/referral", Map.of("referredBy", "NOBODY", "referredOn", "2011-12-05")))
                .status());
        Api.Problem self = api.problem(HttpRequest.PUT("/api/clients/N3/referral", Map.of("referredBy", "N3", "referredOn", "2011-12-05")));
        assertEquals(400, self.status());
        assertEquals("referredBy", self.body().get("field"));
    }

    @ParameterizedTest(name = "line {1}, column {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            K1,K1,2011-12-01 | 3 | referred_by | cannot refer itself
            K1,NOBODY,2011-12-01 | 3 | referred_by | unknown client 'NOBODY'
            NOBODY,K1,2011-12-01 | 3 | client_id | unknown client 'NOBODY'
            K1,N1,2011-02-30 | 3 | referred_on | not a date
            N2,N3,2011-12-01 | 3 | null | already on line 2
            """)
    void aBadLineIsNamedAndNothingOfTheFileIsWritten(String line, int number, String column, String message) {
        Api.Problem problem = api.rejectedImport("referrals", "client_id,referred_by,referred_on\nN2,M1,2011-12-02\n" + line + "\n");
        assertEquals(number, ((Number) problem.body().get("line")).intValue(), problem.detail());
        assertEquals(column.equals("null") ? null : column, problem.body().get("column"), problem.detail());
        assertTrue(problem.detail().contains(message), problem.detail());
        assertEquals("K1", api.get("/api/clients/N2?asOf=2011-12-10").get("referredBy"), "line 2 was not written either");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePortfolioCountsTheClientsWonByReferral() {
        Map<String, Object> report = api.get("/api/portfolio/referrals?asOf=2011-12-10");
        assertEquals(4, ((Number) report.get("referredClients")).intValue());
        assertEquals(3, ((Number) report.get("referredLast12Months")).intValue());
        assertEquals(170.0, ((Number) report.get("revenue12m")).doubleValue(), "N1 100 + N2 50 + M1 20 + N3 0 (its order is older)");
        Map<String, Object> byCluster = (Map<String, Object>) report.get("byCluster");
        assertEquals(4, ((Number) byCluster.get("MARGINAL")).intValue());
        List<Map<String, Object>> top = (List<Map<String, Object>>) report.get("topReferrers");
        assertEquals("K1", top.get(0).get("clientId"));
        assertEquals(3, ((Number) top.get(0).get("referrals")).intValue());
        assertEquals(2, ((Number) top.get(0).get("referralsLast12Months")).intValue());
        assertEquals(2, top.size());
    }
}
