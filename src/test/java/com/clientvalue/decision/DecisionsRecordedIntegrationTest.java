package com.clientvalue.decision;

import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Listeners of recorded decisions (the shadow) hear only of decisions whose audit is committed. */
@MicronautTest(transactional = false)
@Property(name = "test.decisions-recorded-probe", value = "true")
class DecisionsRecordedIntegrationTest extends HttpIntegrationTest {
    @Inject
    Probe probe;

    /** At each event, asks another connection whether the decisions' audit records are there for everyone. */
    @Singleton
    @Requires(property = "test.decisions-recorded-probe", value = "true")
    static class Probe {
        final Map<String, Long> visibleAtEvent = new ConcurrentHashMap<>();
        private final TestDatabase db;

        Probe(TestDatabase db) {
            this.db = db;
        }

        @EventListener
        void heard(DecisionsRecorded recorded) {
            for (Decision decision : recorded.decisions()) {
                // a thread of its own: no transaction of the writer's, so only committed rows are seen
                visibleAtEvent.put(decision.decisionId(), CompletableFuture.supplyAsync(() -> db.count(
                        "SELECT COUNT(*) FROM decision_audit WHERE decision_id = '" + decision.decisionId() + "'")).join());
            }
        }
    }

    @Test
    void decisionsAreAnnouncedOnlyOnceTheirAuditIsCommitted() {
        db.clear();
        var api = api();
        api.importCsv("clients", "client_id,name,country,potential\nC1,a,Italy,65\nC2,b,Italy,20\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nC1,O1,2011-10-01,1000\nC2,O2,2011-10-01,10\n");

        String one = (String) api.post("/api/decisions", Map.of("clientId", "C1", "asOf", "2011-12-10")).get("decisionId");
        String two = (String) api.post("/api/decisions", Map.of("clientId", "C2", "asOf", "2011-12-10")).get("decisionId");

        assertEquals(List.of(1L, 1L), List.of(probe.visibleAtEvent.get(one), probe.visibleAtEvent.get(two)));
    }
}
