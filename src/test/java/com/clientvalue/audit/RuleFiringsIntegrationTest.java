package com.clientvalue.audit;

import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rule firing counts are the number of audited decisions of the period in which each rule fired. */
@MicronautTest(transactional = false)
class RuleFiringsIntegrationTest extends HttpIntegrationTest {
    @Inject
    RuleFirings firings;

    @Test
    @SuppressWarnings("unchecked")
    void eachRuleCountsTheDecisionsInWhichItFired() {
        db.clear();
        api().importCsv("clients", """
                client_id,name,country,potential
                HIGH1,High One,Italy,80
                HIGH2,High Two,Italy,90
                LOW1,Low One,Italy,10
                """);
        api().importCsv("orders", """
                client_id,order_id,order_date,amount
                HIGH1,H1,2011-11-01,5000.00
                HIGH2,H2,2011-11-01,100.00
                LOW1,L1,2011-11-01,100.00
                """);
        Instant before = Instant.now().minusSeconds(1);
        List<Map<String, Object>> decided = List.of(
                api().post("/api/decisions", Map.of("clientId", "HIGH1", "asOf", "2011-12-10")),
                api().post("/api/decisions", Map.of("clientId", "HIGH2", "asOf", "2011-12-10")),
                api().post("/api/decisions", Map.of("clientId", "LOW1", "asOf", "2011-12-10")),
                api().post("/api/decisions", Map.of("clientId", "LOW1", "asOf", "2011-12-11")));
        Instant after = Instant.now().plusSeconds(1);
        Map<String, Long> counts = firings.count(before, after, null);
        assertEquals(4L, counts.get(""));
        // the potential table: two high-potential decisions, two low ones
        assertEquals(2L, counts.get("POT-HIGH"));
        assertEquals(2L, counts.get("POT-LOW"));
        // every count is what the decisions themselves say
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getKey().isEmpty()) {
                continue;
            }
            long expected = decided.stream().filter(d -> ((List<Map<String, Object>>) d.get("firedRules")).stream()
                    .anyMatch(r -> r.get("ruleId").equals(entry.getKey()))).count();
            assertEquals(expected, entry.getValue(), entry.getKey());
        }
        String version = (String) decided.get(0).get("ruleVersion");
        assertEquals(counts, firings.count(before, after, version));
        assertEquals(0L, firings.count(before, after, "no-such-version").get(""));
        assertNull(firings.count(after, after.plus(1, ChronoUnit.DAYS), null).get("POT-HIGH"), "nothing fired after the period");
        assertFalse(counts.containsKey("SRV-MARGINAL-UNPAID"), "a rule that fired in no decision is absent");
    }
}
