package com.clientvalue.client;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IllustrativeMarginsTest {
    @Test
    void eachLineGetsItsAmountAtTheClientsFixedRateAndCreditNotesANegativeMargin() throws IOException {
        String orders = "client_id,order_id,order_date,amount\r\n15108,560783,2011-07-21,15.00\r\n15108,C560784,2011-07-22,-3.00\r\n";
        String out = new String(DemoPortfolio.withIllustrativeMargins(new ByteArrayInputStream(orders.getBytes(StandardCharsets.UTF_8)))
                .readAllBytes(), StandardCharsets.UTF_8);
        BigDecimal rate = DemoPortfolio.illustrativeMarginRate("15108");
        String first = "15108,560783,2011-07-21,15.00";
        String second = "15108,C560784,2011-07-22,-3.00";
        assertEquals("client_id,order_id,order_date,amount,margin,product_category\n"
                + first + "," + new BigDecimal("15.00").multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP) + ","
                + DemoPortfolio.illustrativeCategory("15108", first) + "\n"
                + second + "," + new BigDecimal("-3.00").multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP) + ","
                + DemoPortfolio.illustrativeCategory("15108", second) + "\n", out);
        assertEquals(rate, DemoPortfolio.illustrativeMarginRate("15108"), "fixed per client");
    }

    @Test
    void paymentsAreOneInvoicePerOrderOfPositiveTotalDueThirtyDaysLater() throws IOException {
        String orders = "client_id,order_id,order_date,amount\n15108,560783,2011-07-21,15.00\n15108,560783,2011-07-21,5.00\n"
                + "15108,C560784,2011-07-22,-3.00\n";
        String out = DemoPortfolio.illustrativePayments(new ByteArrayInputStream(orders.getBytes(StandardCharsets.UTF_8)));

        String[] lines = out.split("\n");
        assertEquals(2, lines.length, "the credit note gets no invoice: " + out);
        assertEquals("client_id,invoice_id,amount,due_on,paid_on", lines[0]);
        assertTrue(lines[1].startsWith("15108,INV-560783,20.00,2011-08-20,"), lines[1]);
    }

    @Test
    void ratesSpreadFromFourToFortyPercentWithSomeThinOnesAmongTheDemoClients() throws IOException {
        Set<BigDecimal> rates = new HashSet<>();
        int thin = 0;
        int clients = 0;
        try (var in = DemoPortfolio.class.getClassLoader().getResourceAsStream("demo/online-retail/clients.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n")) {
                if (line.isEmpty() || line.startsWith("client_id")) {
                    continue;
                }
                BigDecimal rate = DemoPortfolio.illustrativeMarginRate(line.substring(0, line.indexOf(',')));
                assertTrue(rate.compareTo(new BigDecimal("0.04")) >= 0 && rate.compareTo(new BigDecimal("0.40")) <= 0, rate::toString);
                rates.add(rate);
                clients++;
                thin += rate.compareTo(new BigDecimal("0.10")) < 0 ? 1 : 0;
            }
        }
        assertTrue(rates.size() > 30, "rates spread: " + rates.size());
        assertTrue(thin > clients / 10 && thin < clients / 4, thin + " of " + clients + " below 10%");
    }

    @Test
    void illustrativeNeedsAndReferralsAreAFewPerHundredClientsWithDatesInsideTheSample() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 1800; i++) {
            ids.add(String.valueOf(12346 + i));
        }
        String[] needs = DemoPortfolio.illustrativeNeeds(ids).split("\n");
        assertEquals("client_id,need_id,stated_on,category,text,closed_on,outcome", needs[0]);
        assertTrue(needs.length - 1 > 1800 / 15 && needs.length - 1 < 1800 / 6, (needs.length - 1) + " needs");
        for (int i = 1; i < needs.length; i++) {
            String[] cells = needs[i].split(",", -1);
            java.time.LocalDate stated = java.time.LocalDate.parse(cells[2]);
            assertTrue(!stated.isAfter(java.time.LocalDate.of(2011, 12, 9)), needs[i]);
            assertEquals(cells[5].isEmpty(), cells[6].isEmpty(), "closed with an outcome or open: " + needs[i]);
        }
        long met = java.util.Arrays.stream(needs).skip(1).filter(n -> n.endsWith(",MET")).count();
        assertTrue(met > (needs.length - 1) / 6 && met < (needs.length - 1) / 2, met + " of " + (needs.length - 1) + " needs met");
        String[] referrals = DemoPortfolio.illustrativeReferrals(ids).split("\n");
        assertTrue(referrals.length - 1 > 1800 / 20 && referrals.length - 1 < 1800 / 8, (referrals.length - 1) + " referrals");
        for (int i = 1; i < referrals.length; i++) {
            String[] cells = referrals[i].split(",");
            assertTrue(!cells[0].equals(cells[1]), "nobody refers itself: " + referrals[i]);
        }
    }
}
