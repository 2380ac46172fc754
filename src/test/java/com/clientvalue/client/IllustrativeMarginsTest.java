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
        assertEquals("client_id,order_id,order_date,amount,margin\n"
                + "15108,560783,2011-07-21,15.00," + new BigDecimal("15.00").multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP) + "\n"
                + "15108,C560784,2011-07-22,-3.00," + new BigDecimal("-3.00").multiply(rate).setScale(2, java.math.RoundingMode.HALF_UP) + "\n", out);
        assertEquals(rate, DemoPortfolio.illustrativeMarginRate("15108"), "fixed per client");
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
}
