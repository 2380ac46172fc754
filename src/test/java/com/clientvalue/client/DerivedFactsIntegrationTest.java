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
import static org.junit.jupiter.api.Assertions.assertNull;

/** Derived facts on a small portfolio whose every figure was computed by hand (see the comments). */
@MicronautTest(transactional = false)
class DerivedFactsIntegrationTest extends HttpIntegrationTest {
    Api api;

    @BeforeEach
    void handComputedPortfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", """
                client_id,name,country,potential
                F1,One,Italy,80
                F2,Two,Italy,
                F3,Three,Italy,10
                F4,Four,Italy,65
                """);
        // as of 2011-12-10 the window is 2010-12-11 .. 2011-12-10
        api.importCsv("orders", """
                client_id,order_id,order_date,amount
                F1,O1,2010-12-10,100
                F1,O2,2010-12-11,50
                F1,O3,2011-06-01,30
                F1,O3,2011-06-01,-40
                F1,O4,2011-12-01,5
                F1,O4,2011-12-01,-5
                F1,O5,2011-11-20,20
                F1,O6,2011-12-11,999
                F3,O7,2011-12-10,200
                F4,O8,2011-05-05,40
                """);
    }

    @Test
    void windowCreditNotesAndZeroOrdersFollowTheDefinitions() {
        Map<String, Object> f1 = api.get("/api/clients/F1?asOf=2011-12-10");

        // O1 is 365 days old: outside the window but still the first order; O6 is after asOf
        // revenue = O2 50 + O3 -10 (credit note) + O4 0 + O5 20 = 60; positive orders in window: O2, O5
        assertEquals(60.0, ((Number) f1.get("revenue12m")).doubleValue());
        assertEquals(2, f1.get("orders12m"));
        assertEquals("2010-12-10", f1.get("firstOrderDate"));
        assertEquals("2011-11-20", f1.get("lastOrderDate"));
        assertEquals(20, f1.get("daysSinceLastOrder"));
        assertEquals("A", f1.get("abcClass"));
        assertEquals(80, f1.get("potential"));
    }

    @Test
    void marginFactsComeFromTheImportedMarginsOfTheWindowAndRankByMarginNotRevenue() {
        api.importCsv("clients", """
                client_id,name,country,potential
                M1,Big thin,Italy,50
                M2,Small rich,Italy,50
                M3,Mid,Italy,50
                M4,Loss,Italy,50
                M5,No margin,Italy,50
                """);
        // margins as of 2011-12-10: M1 1000 on 20000 (5%), M2 900 on 1000 (90%), M3 100 on 1000 (10%), M4 -50 on 500;
        // M2's older line (2010-12-01) is outside the window; M5 imports no margin
        api.importCsv("orders", """
                client_id,order_id,order_date,amount,margin
                M1,P1,2011-06-01,20000,1000
                M2,P2,2011-06-01,600,500
                M2,P2,2011-06-01,400,400
                M2,P3,2010-12-01,5000,2500
                M3,P4,2011-07-01,1000,100
                M4,P5,2011-07-01,500,-50
                M5,P6,2011-07-01,3000,
                """);
        Map<String, Object> m1 = api.get("/api/clients/M1?asOf=2011-12-10");
        Map<String, Object> m2 = api.get("/api/clients/M2?asOf=2011-12-10");
        Map<String, Object> m3 = api.get("/api/clients/M3?asOf=2011-12-10");
        Map<String, Object> m4 = api.get("/api/clients/M4?asOf=2011-12-10");
        Map<String, Object> m5 = api.get("/api/clients/M5?asOf=2011-12-10");
        assertEquals(1000.0, ((Number) m1.get("margin12m")).doubleValue());
        assertEquals(5.0, ((Number) m1.get("marginPercent")).doubleValue());
        assertEquals(900.0, ((Number) m2.get("margin12m")).doubleValue());
        assertEquals(90.0, ((Number) m2.get("marginPercent")).doubleValue());
        assertEquals(-50.0, ((Number) m4.get("margin12m")).doubleValue());
        assertEquals(-10.0, ((Number) m4.get("marginPercent")).doubleValue());
        // positive margin total 2000: M1 1000 (0% before) A, M2 900 (50% before) A, M3 100 (95% before) C; M4's loss is C
        assertEquals("A", m1.get("marginClass"));
        assertEquals("A", m2.get("marginClass"));
        assertEquals("C", m3.get("marginClass"));
        assertEquals("C", m4.get("marginClass"));
        // by revenue the order differs: M1 20000 is A, M2 1000 only B (23,000 of the 25,800 ranked before it: M1, M5)
        assertEquals("A", m1.get("abcClass"));
        assertEquals("B", m2.get("abcClass"));
        assertNull(m5.get("margin12m"));
        assertNull(m5.get("marginPercent"));
        assertNull(m5.get("marginClass"));

        Map<String, Object> decided = api.post("/api/decisions", Map.of("clientId", "M1", "asOf", "2011-12-10"));
        @SuppressWarnings("unchecked")
        java.util.List<String> categories = (java.util.List<String>) ((Map<?, ?>) decided.get("outcome")).get("categories");
        org.junit.jupiter.api.Assertions.assertTrue(categories.contains("MOST_PROFITABLE") && categories.contains("THIN_MARGIN"), 
                "margin class A, revenue class A on 5%: " + categories);
    }

    @Test
    void theComplaintsOfNinetyDaysGiveTheirWorstSeverityAndCategories() {
        // as of 2011-12-10 the complaint window is 2011-09-12 .. 2011-12-10
        api.importCsv("complaints", """
                client_id,complaint_date,category,severity
                F1,2011-09-11,PRICING,5
                F1,2011-09-12,DELIVERY,2
                F1,2011-11-01,INVOICING,4
                F1,2011-11-02,DELIVERY,
                F3,2011-12-01,DELIVERY,
                """);
        Map<String, Object> f1 = api.get("/api/clients/F1?asOf=2011-12-10");
        assertEquals(3, f1.get("complaints90d"), "the PRICING complaint is 90 days old: outside");
        assertEquals(4, f1.get("worstComplaintSeverity90d"));
        assertEquals(java.util.List.of("DELIVERY", "INVOICING"), f1.get("complaintCategories90d"));
        Map<String, Object> f3 = api.get("/api/clients/F3?asOf=2011-12-10");
        assertEquals(1, f3.get("complaints90d"));
        assertNull(f3.get("worstComplaintSeverity90d"), "not rated");
        assertEquals(java.util.List.of("DELIVERY"), f3.get("complaintCategories90d"));
        Map<String, Object> f2 = api.get("/api/clients/F2?asOf=2011-12-10");
        assertEquals(0, f2.get("complaints90d"));
        assertNull(f2.get("worstComplaintSeverity90d"));
        assertEquals(java.util.List.of(), f2.get("complaintCategories90d"));
    }

    @Test
    void paymentsGiveTheAmountOverdueAndTheMostDaysLateAsOfADate() {
        api.importCsv("payments", """
                client_id,invoice_id,amount,due_on,paid_on
                F1,I1,100,2011-11-01,2011-11-20
                F1,I2,50,2011-11-15,
                F1,I3,70,2011-12-10,
                F1,I4,30,2010-06-01,2010-09-01
                F1,I5,40,2011-12-20,
                F1,I6,20,2011-10-01,2011-12-15
                """);
        // as of 2011-12-10: I2 and I6 overdue and unpaid (I3 is due that very day); I6 70 days late so far, I4 outside the window
        Map<String, Object> f1 = api.get("/api/clients/F1?asOf=2011-12-10");
        assertEquals(70.0, ((Number) f1.get("overdueAmount")).doubleValue());
        assertEquals(70, f1.get("maxDaysLate12m"));
        // ten days on: I6 was paid on the 15th (75 days late); I3 is overdue now; I5 is not due yet
        Map<String, Object> later = api.get("/api/clients/F1?asOf=2011-12-20");
        assertEquals(120.0, ((Number) later.get("overdueAmount")).doubleValue());
        assertEquals(75, later.get("maxDaysLate12m"));
        // cash collected in the window: I1 100 and I6 20 by the 20th (I4 was paid before the window); the only payer: class A
        assertEquals(100.0, ((Number) f1.get("cashCollected12m")).doubleValue());
        assertEquals(120.0, ((Number) later.get("cashCollected12m")).doubleValue());
        assertEquals("A", later.get("cashClass"));
        Map<String, Object> f2 = api.get("/api/clients/F2?asOf=2011-12-10");
        assertNull(f2.get("cashCollected12m"), "no payment");
        assertNull(f2.get("cashClass"));
        assertNull(f2.get("overdueAmount"), "no invoice imported");
        assertNull(f2.get("maxDaysLate12m"));
        Api.Problem refused = api.rejectedImport("payments", "client_id,invoice_id,amount,due_on,paid_on\nF2,X1,0,2011-12-01,\n");
        assertEquals("amount", refused.body().get("column"));
        assertNull(api.get("/api/clients/F2?asOf=2011-12-10").get("overdueAmount"), "nothing written");
    }

    @Test
    void theCompanyTypeIsACodeAndARiskFactorOfThePaymentTerms() {
        // F3 is the portfolio's largest client: potential 80 and class A make it a key client, with 1 order in 12 months
        api.importCsv("clients", "client_id,name,country,company_type,potential\nF3,c,Italy,Wholesaler,80\nF4,d,Italy, cash-and-carry ,\n");

        assertEquals("WHOLESALER", api.get("/api/clients/F3?asOf=2011-12-10").get("companyType"));
        assertEquals("CASH_AND_CARRY", api.get("/api/clients/F4?asOf=2011-12-10").get("companyType"));
        Map<String, Object> answer = api.post("/api/decisions/service-requests", Map.of("clientId", "F3",
                "service", "EXTENDED_PAYMENT_TERMS", "paid", false, "asOf", "2011-12-10"));
        Map<?, ?> outcome = (Map<?, ?>) answer.get("outcome");
        assertEquals("KEY", outcome.get("cluster"));
        Map<?, ?> serviceAnswer = (Map<?, ?>) outcome.get("serviceAnswer");
        assertEquals(false, serviceAnswer.get("granted"), serviceAnswer.toString());
        assertEquals(true, serviceAnswer.toString().contains("PAY-TERMS-RESELLER"), serviceAnswer.toString());

        api.importCsv("clients", "client_id,name,country,company_type\nF3,c,Italy,RETAILER\n");
        Map<?, ?> retailer = (Map<?, ?>) ((Map<?, ?>) api.post("/api/decisions/service-requests", Map.of("clientId", "F3",
                "service", "EXTENDED_PAYMENT_TERMS", "paid", false, "asOf", "2011-12-10")).get("outcome")).get("serviceAnswer");
        assertEquals(true, retailer.get("granted"), retailer.toString());

        Api.Problem refused = api.rejectedImport("clients", "client_id,name,country,company_type\nF3,c,Italy,Retail/Online\n");
        assertEquals("company_type", refused.body().get("column"));
        assertEquals("RETAILER", api.get("/api/clients/F3?asOf=2011-12-10").get("companyType"), "nothing written");
    }

    @Test
    void clientWithoutOrdersHasZeroRevenueAndNoDates() {
        Map<String, Object> f2 = api.get("/api/clients/F2?asOf=2011-12-10");

        assertEquals(0.0, ((Number) f2.get("revenue12m")).doubleValue());
        assertEquals(0, f2.get("orders12m"));
        assertNull(f2.get("firstOrderDate"));
        assertNull(f2.get("lastOrderDate"));
        assertNull(f2.get("daysSinceLastOrder"));
        assertNull(f2.get("potential"));
        assertEquals("C", f2.get("abcClass"));
    }

    // positive total 300: F3 200 (0% before) A, F1 60 (66.7% before) A, F4 40 (86.7% before) B, F2 0 C
    @ParameterizedTest
    @CsvSource({"F3, A, 0", "F1, A, 20", "F4, B, 219", "F2, C, "})
    void abcClassComesFromThePortfolioRanking(String clientId, String abcClass, Integer daysSinceLastOrder) {
        Map<String, Object> facts = api.get("/api/clients/" + clientId + "?asOf=2011-12-10");

        assertEquals(abcClass, facts.get("abcClass"));
        assertEquals(daysSinceLastOrder, facts.get("daysSinceLastOrder"));
    }

    @Test
    void rankingIsRecomputedWhenAnImportChangesThePortfolio() {
        assertEquals("B", api.get("/api/clients/F4?asOf=2011-12-10").get("abcClass"));

        api.importCsv("orders", "client_id,order_id,order_date,amount\nF4,O9,2011-07-01,1000\n");

        // total 1300: F4 1040 (0% before) A, F3 200 (exactly 80% before, not below) B, F1 60 (95.4% before) C
        assertEquals("A", api.get("/api/clients/F4?asOf=2011-12-10").get("abcClass"));
        assertEquals("B", api.get("/api/clients/F3?asOf=2011-12-10").get("abcClass"));
        assertEquals("C", api.get("/api/clients/F1?asOf=2011-12-10").get("abcClass"));
    }

    @Test
    void anEarlierDateSeesOnlyTheOrdersUpToIt() {
        Map<String, Object> f1 = api.get("/api/clients/F1?asOf=2011-01-01");

        // window 2010-01-02 .. 2011-01-01: O1 100 and O2 50
        assertEquals(150.0, ((Number) f1.get("revenue12m")).doubleValue());
        assertEquals("2010-12-11", f1.get("lastOrderDate"));
        assertEquals(21, f1.get("daysSinceLastOrder"));
    }

    @Test
    void unknownClientIsAProblem() {
        Api.Problem problem = api.problem(io.micronaut.http.HttpRequest.GET("/api/clients/NOPE"));

        assertEquals(404, problem.status());
        assertEquals("/problems/client-not-found", problem.body().get("type"));
        assertEquals("NOPE", problem.body().get("clientId"));
    }
}
