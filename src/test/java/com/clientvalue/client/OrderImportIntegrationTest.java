package com.clientvalue.client;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order import with files large enough to span many of the batches the lines are streamed in
 * (64 KiB each, about 1,500 lines): replacement, numbering and refusals across the whole file.
 */
@MicronautTest(transactional = false)
class OrderImportIntegrationTest extends HttpIntegrationTest {
    private static final String HEADER = "client_id,order_id,order_date,amount,margin\n";
    private static final int ORDERS = 10_000;

    Api api;

    @BeforeEach
    void clientsOnly() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country\nC1,One,Italy\nC2,Two,Italy\nC3,Three,Spain\n");
    }

    // ORDERS orders of 1 to 4 lines: order i has (i % 4) + 1 lines of amount i + line/10
    private static String orders(int from, int to, String date) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = from; i < to; i++) {
            for (int line = 1; line <= i % 4 + 1; line++) {
                csv.append("C").append(i % 3 + 1).append(",O").append(i).append(',').append(date).append(',')
                        .append(i).append('.').append(line).append(',').append(line).append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void reimportReplacesOnlyTheOrdersOfTheFileAndKeepsUnchangedOnes() {
        api.importCsv("orders", orders(0, ORDERS, "2011-03-01"));
        assertEquals(25_000, db.count("SELECT COUNT(*) FROM order_line"));

        // O5 (2 lines) comes back with 1 line and no margin, O6 (3 lines) with 5 on another date,
        // O7 unchanged, O8 gains a line, O20000 is new; the other orders are not in the file
        String second = HEADER
                + "C3,O5,2011-03-01,1,\n"
                + "C1,O6,2011-04-02,1,1\nC1,O6,2011-04-02,2,1\nC1,O6,2011-04-02,3,1\nC1,O6,2011-04-02,4,1\nC1,O6,2011-04-02,5,1\n"
                + "C2,O7,2011-03-01,7.1,1\nC2,O7,2011-03-01,7.2,2\nC2,O7,2011-03-01,7.3,3\nC2,O7,2011-03-01,7.4,4\n"
                + "C3,O8,2011-03-01,8.1,1\nC3,O8,2011-03-01,99,2\n"
                + "C1,O20000,2011-05-05,10,\n";
        assertEquals(Map.of("rows", 13, "clients", 3, "orders", 5), ints(api.importCsv("orders", second)));

        assertEquals("C3/2011-03-01/1.0000/null/1", order("O5"));
        assertEquals("1", db.text("SELECT GROUP_CONCAT(line_no) FROM order_line WHERE order_id = 'O5'"));
        assertEquals("C1/2011-04-02/15.0000/5.0000/5", order("O6"));
        assertEquals("1,2,3,4,5", db.text("SELECT GROUP_CONCAT(line_no ORDER BY line_no) FROM order_line WHERE order_id = 'O6'"));
        assertEquals("C2/2011-03-01/29.0000/10.0000/4", order("O7"));
        assertEquals("8.1000,99.0000", db.text("SELECT GROUP_CONCAT(amount ORDER BY line_no) FROM order_line WHERE order_id = 'O8'"));
        assertEquals("C3/2011-03-01/107.1000/3.0000/2", order("O8"));
        assertEquals("C1/2011-05-05/10.0000/null/1", order("O20000"));
        assertEquals("C1/2011-03-01/9996.1000/1.0000/1", order("O9996"));
        assertEquals(ORDERS + 1, db.count("SELECT COUNT(*) FROM customer_order"));
        assertEquals(25_000 - 1 + 2 + 1 + 1, db.count("SELECT COUNT(*) FROM order_line"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM customer_order o WHERE line_count <> "
                + "(SELECT COUNT(*) FROM order_line l WHERE l.order_id = o.order_id)"));
    }

    @Test
    void reimportingALargeFileChangesNothing() {
        String csv = orders(0, ORDERS, "2011-03-01");
        api.importCsv("orders", csv);
        String once = db.fingerprint() + db.text("SELECT SUM(line_no * amount) FROM order_line");

        api.importCsv("orders", csv);

        assertEquals(once, db.fingerprint() + db.text("SELECT SUM(line_no * amount) FROM order_line"));
    }

    @Test
    void linesOfAnOrderSpreadOverTheFileAreNumberedInFileOrder() {
        StringBuilder csv = new StringBuilder(HEADER).append("C1,SPREAD,2011-06-01,1,\n");
        csv.append(orders(0, 3_000, "2011-06-01").substring(HEADER.length()));
        csv.append("C1,SPREAD,2011-06-01,2,0.5\n");
        csv.append(orders(3_000, 6_000, "2011-06-01").substring(HEADER.length()));
        csv.append("C1,SPREAD,2011-06-01,3,\nC1,SPREAD,2011-06-01,4,\n");

        api.importCsv("orders", csv.toString());

        assertEquals("1:1.0000,2:2.0000,3:3.0000,4:4.0000",
                db.text("SELECT GROUP_CONCAT(line_no, ':', amount ORDER BY line_no) FROM order_line WHERE order_id = 'SPREAD'"));
        assertEquals("C1/2011-06-01/10.0000/0.5000/4", order("SPREAD"));

        // and replaced whole by a file where it is in one piece
        api.importCsv("orders", HEADER + "C1,SPREAD,2011-06-01,7,\nC1,SPREAD,2011-06-01,8,\n");
        assertEquals("1:7.0000,2:8.0000", db.text("SELECT GROUP_CONCAT(line_no, ':', amount ORDER BY line_no) FROM order_line WHERE order_id = 'SPREAD'"));
    }

    @Test
    void unknownClientFarIntoTheFileIsRefusedAndNothingIsWritten() {
        api.importCsv("orders", orders(0, 100, "2011-03-01"));
        String before = db.fingerprint();
        String csv = orders(0, ORDERS, "2011-03-01") + "C9,LATE,2011-03-01,1,\n";

        Api.Problem problem = api.rejectedImport("orders", csv);

        assertEquals(25_002L, line(problem));
        assertEquals("client_id", problem.body().get("column"));
        assertTrue(problem.detail().contains("unknown client 'C9'"), problem.detail());
        assertEquals(before, db.fingerprint());
    }

    @Test
    void orderChangingClientFarFromItsFirstLineNamesBothLines() {
        String csv = HEADER + "C1,MOVED,2011-03-01,1,\n" + orders(0, ORDERS, "2011-03-01").substring(HEADER.length())
                + "C2,MOVED,2011-03-01,1,\n";

        Api.Problem problem = api.rejectedImport("orders", csv);

        assertEquals(25_003L, line(problem));
        assertEquals("client_id", problem.body().get("column"));
        assertTrue(problem.detail().contains("order 'MOVED' belongs to client 'C1' on line 2"), problem.detail());
        assertEquals(0, db.count("SELECT COUNT(*) FROM customer_order"));
    }

    @Test
    void theFirstFaultyLineIsTheOneReported() {
        String csv = HEADER + "C1,A,2011-03-01,1,\nC1,A,2011-03-02,1,\nC9,B,2011-03-01,1,\nC1,C,2011-03-01,x,\n";
        assertEquals(3L, line(api.rejectedImport("orders", csv)));

        csv = HEADER + "C1,A,2011-03-01,1,\nC9,B,2011-03-01,1,\nC1,A,2011-03-02,1,\nC1,C,2011-03-01,x,\n";
        assertEquals(3L, line(api.rejectedImport("orders", csv)));

        csv = HEADER + "C1,A,2011-03-01,1,\nC1,C,2011-03-01,x,\nC9,B,2011-03-01,1,\n";
        Api.Problem badAmount = api.rejectedImport("orders", csv);
        assertEquals(3L, line(badAmount));
        assertEquals("amount", badAmount.body().get("column"));
    }

    @Test
    void orderTotalBeyondTheStoredPrecisionIsRefused() {
        String big = "99999999999999.9999";
        Api.Problem problem = api.rejectedImport("orders", HEADER + "C1,A,2011-03-01,1,\nC1,BIG,2011-03-01," + big + ",\nC1,BIG,2011-03-01,1,\n");

        assertEquals(3L, line(problem));
        assertEquals("amount", problem.body().get("column"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM customer_order"));

        api.importCsv("orders", HEADER + "C1,BIG,2011-03-01," + big + ",\nC1,BIG,2011-03-01,-1,\n");
        assertEquals("99999999999998.9999", db.text("SELECT total FROM customer_order WHERE order_id = 'BIG'"));
    }

    @Test
    void aFileWithOnlyItsHeaderImportsNothing() {
        assertEquals(Map.of("rows", 0, "clients", 0, "orders", 0), ints(api.importCsv("orders", HEADER)));
        assertEquals(0, db.count("SELECT COUNT(*) FROM customer_order"));
    }

    @Test
    void identifiersAreStoredAsWrittenWhateverTheirCharacters() {
        String csv = HEADER + "C1,back\\slash,2011-03-01,1,\nC1,\\N,2011-03-01,2,\nC1,NULL,2011-03-01,3,\nC1,\"quoted, comma\",2011-03-01,4,\n"
                + "C1,àccénted €,2011-03-01,5,\n";

        api.importCsv("orders", csv);

        assertEquals("1.0000", db.text("SELECT total FROM customer_order WHERE order_id = 'back\\\\slash'"));
        assertEquals("2.0000", db.text("SELECT total FROM customer_order WHERE order_id = '\\\\N'"));
        assertEquals("3.0000", db.text("SELECT total FROM customer_order WHERE order_id = 'NULL'"));
        assertEquals("4.0000", db.text("SELECT total FROM customer_order WHERE order_id = 'quoted, comma'"));
        assertEquals("5.0000", db.text("SELECT total FROM customer_order WHERE order_id = 'àccénted €'"));
        assertNull(db.text("SELECT margin FROM customer_order WHERE order_id = 'NULL'"));
    }

    private String order(String orderId) {
        return db.text("SELECT CONCAT_WS('/', client_id, order_date, total, COALESCE(margin, 'null'), line_count) "
                + "FROM customer_order WHERE order_id = '" + orderId + "'");
    }

    private static long line(Api.Problem problem) {
        assertEquals(400, problem.status());
        assertEquals("/problems/import-rejected", problem.body().get("type"));
        return ((Number) problem.body().get("line")).longValue();
    }

    private static Map<String, Object> ints(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.replaceAll((k, v) -> v instanceof Number n ? n.intValue() : v);
        return copy;
    }
}
