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
class ImportIntegrationTest extends HttpIntegrationTest {
    private static final String CLIENTS = """
            client_id,name,country,sector,employees,potential
            C1,Alpha Srl,Italy,Food,12,70
            C2,"Beta, Gamma & Co",Italy,,,
            C3,Delta GmbH,Germany,Retail,300,20
            """;
    private static final String ORDERS = """
            client_id,order_id,order_date,amount
            C1,O1,2011-01-10,100.50
            C1,O1,2011-01-10,20
            C2,O2,2011-02-01,35.25
            C1,O3,2011-03-01,-10
            C3,O4,2011-03-02,5
            """;

    Api api;

    @BeforeEach
    void emptyPortfolio() {
        db.clear();
        api = api();
    }

    @Test
    void importsCountRowsOrdersAndClients() {
        assertEquals(Map.of("rows", 3, "clients", 3), withoutNulls(api.importCsv("clients", CLIENTS)));
        assertEquals(Map.of("rows", 5, "clients", 3, "orders", 4), withoutNulls(api.importCsv("orders", ORDERS)));

        assertEquals("120.5000", db.text("SELECT total FROM customer_order WHERE order_id = 'O1'"));
        assertEquals(2, db.count("SELECT line_count FROM customer_order WHERE order_id = 'O1'"));
        assertEquals("Beta, Gamma & Co", db.text("SELECT name FROM client WHERE client_id = 'C2'"));
        assertEquals(null, db.text("SELECT potential FROM client WHERE client_id = 'C2'"));
    }

    @Test
    void theAdminLogSaysWhatAnImportWroteInWords() {
        api.importCsv("clients", CLIENTS);
        api.importCsv("orders", ORDERS);

        assertEquals("5 rows read, 3 clients touched, 4 orders written", db.text("SELECT detail FROM admin_event "
                + "WHERE action = 'IMPORT_ORDERS' ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void reimportingTheSameFilesChangesNothing() {
        api.importCsv("clients", CLIENTS);
        api.importCsv("orders", ORDERS);
        String once = db.fingerprint();

        api.importCsv("clients", CLIENTS);
        api.importCsv("orders", ORDERS);

        assertEquals(once, db.fingerprint());
    }

    @Test
    void reimportedOrderReplacesAllItsLines() {
        api.importCsv("clients", CLIENTS);
        api.importCsv("orders", ORDERS);

        api.importCsv("orders", "client_id,order_id,order_date,amount\nC1,O1,2011-01-11,7\n");

        assertEquals(1, db.count("SELECT COUNT(*) FROM order_line WHERE order_id = 'O1'"));
        assertEquals("7.0000", db.text("SELECT total FROM customer_order WHERE order_id = 'O1'"));
        assertEquals("2011-01-11", db.text("SELECT order_date FROM customer_order WHERE order_id = 'O1'"));
        assertEquals(4, db.count("SELECT COUNT(*) FROM customer_order"));
    }

    @Test
    void clientUpsertKeepsOptionalColumnsLeftOutOfTheHeader() {
        api.importCsv("clients", CLIENTS);

        api.importCsv("clients", "client_id,name,country\nC1,Alpha Spa,Italy\n");

        assertEquals("Alpha Spa", db.text("SELECT name FROM client WHERE client_id = 'C1'"));
        assertEquals("70", db.text("SELECT potential FROM client WHERE client_id = 'C1'"));
        assertEquals("Food", db.text("SELECT sector FROM client WHERE client_id = 'C1'"));
    }

    @Test
    void acceptsByteOrderMarkCrlfAndCommentLines() {
        String csv = "\uFEFF# exported from the CRM\r\nclient_id,name,country\r\nC9,Nine,France\r\n\r\nC10,Ten,Spain\r\n";

        assertEquals(2, ((Number) api.importCsv("clients", csv).get("rows")).intValue());
        assertEquals(2, db.count("SELECT COUNT(*) FROM client"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown client         | client_id,order_id,order_date,amount\\nC1,O1,2011-01-10,1\\nZZ,O9,2011-01-10,1\\n   | 3 | client_id   | unknown client 'ZZ'
            bad date               | client_id,order_id,order_date,amount\\nC1,O1,2011-02-30,1\\n                       | 2 | order_date  | '2011-02-30' is not a date
            non-numeric amount     | client_id,order_id,order_date,amount\\nC1,O1,2011-01-10,1\\nC1,O2,2011-01-10,1O\\n | 3 | amount      | '1O' is not a number
            missing column         | client_id,order_id,order_date\\nC1,O1,2011-01-10\\n                                 | 1 | amount      | required column missing
            duplicate header       | client_id,order_id,order_date,amount,amount\\nC1,O1,2011-01-10,1,1\\n             | 1 | amount      | appears twice
            unknown header         | client_id,order_id,order_date,amount,qty\\nC1,O1,2011-01-10,1,1\\n                | 1 | qty         | unknown column
            short line             | client_id,order_id,order_date,amount\\nC1,O1,2011-01-10,1\\nC1,O2,2011-01-10\\n   | 3 | null        | expected 4 columns, found 3
            order of two clients   | client_id,order_id,order_date,amount\\nC1,O1,2011-01-10,1\\nC2,O1,2011-01-10,1\\n | 3 | client_id   | belongs to client 'C1' on line 2
            order on two dates     | client_id,order_id,order_date,amount\\nC1,O1,2011-01-10,1\\nC1,O1,2011-01-11,1\\n | 3 | order_date  | dated 2011-01-10 on line 2
            too many decimals      | client_id,order_id,order_date,amount\\nC1,O1,2011-01-10,0.00001\\n                  | 2 | amount      | at most 4 decimals
            empty amount           | client_id,order_id,order_date,amount\\nC1,O1,2011-01-10,\\n                         | 2 | amount      | a value is required
            empty file             | ''                                                                                    | 1 | null        | the file is empty
            """)
    void badOrderFileIsRefusedWholeNamingLineAndColumn(String what, String csv, int line, String column, String message) {
        api.importCsv("clients", CLIENTS);
        api.importCsv("orders", "client_id,order_id,order_date,amount\nC3,O7,2010-05-05,9\n");
        String before = db.fingerprint();

        Api.Problem problem = api.rejectedImport("orders", csv.equals("''") ? "" : csv.replace("\\n", "\n"));

        assertEquals(400, problem.status());
        assertEquals("application/problem+json", problem.contentType());
        assertEquals("/problems/import-rejected", problem.body().get("type"));
        assertEquals(line, ((Number) problem.body().get("line")).intValue());
        assertEquals(column.equals("null") ? null : column, problem.body().get("column"));
        assertTrue(problem.detail().contains(message), problem.detail());
        assertEquals(before, db.fingerprint(), "a refused import must write nothing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            potential above 100    | client_id,name,country,potential\\nC1,A,Italy,70\\nC5,B,Italy,101\\n | 3 | potential | out of range 0..100
            employees not a number | client_id,name,country,employees\\nC5,B,Italy,many\\n              | 2 | employees | not a whole number
            same client twice      | client_id,name,country\\nC5,B,Italy\\nC5,B2,Italy\\n                 | 3 | client_id | already on line 2
            missing name           | client_id,name,country\\nC5,,Italy\\n                               | 2 | name      | a value is required
            id too long            | client_id,name,country\\nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX,B,Italy\\n | 2 | client_id | longer than 64
            """)
    void badClientFileIsRefusedWhole(String what, String csv, int line, String column, String message) {
        api.importCsv("clients", CLIENTS);
        String before = db.fingerprint();

        Api.Problem problem = api.rejectedImport("clients", csv.replace("\\n", "\n"));

        assertEquals(400, problem.status());
        assertEquals(line, ((Number) problem.body().get("line")).intValue());
        assertEquals(column, problem.body().get("column"));
        assertTrue(problem.detail().contains(message), problem.detail());
        assertEquals(before, db.fingerprint(), "a refused import must write nothing");
    }

    @Test
    void badLineAfterManyGoodChunksStillWritesNothing() {
        api.importCsv("clients", CLIENTS);
        StringBuilder csv = new StringBuilder("client_id,order_id,order_date,amount\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append("C1,BULK").append(i).append(",2011-05-01,1.5\n");
        }
        csv.append("C1,BAD,2011-05-01,abc\n");
        String before = db.fingerprint();

        Api.Problem problem = api.rejectedImport("orders", csv.toString());

        assertEquals(12_002L, ((Number) problem.body().get("line")).longValue());
        assertEquals(before, db.fingerprint());
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.values().removeIf(java.util.Objects::isNull);
        copy.replaceAll((k, v) -> v instanceof Number n ? n.intValue() : v);
        return copy;
    }
}
