package com.clientvalue.common;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MariaDB stopped for 30 s while four clients ask for decisions: requests get 503 problem+json
 * with Retry-After, the service recovers by itself when MariaDB is back, and every decision that
 * was answered 200 is in the audit, whose chain still verifies.
 */
@MicronautTest(transactional = false)
class DatabaseOutageIntegrationTest extends HttpIntegrationTest {

    @Test
    void anOutageGives503sAndLosesNoAnsweredDecision() throws Exception {
        db.clear();
        Api api = api();
        StringBuilder clients = new StringBuilder("client_id,name,country,potential\n");
        StringBuilder orders = new StringBuilder("client_id,order_id,order_date,amount\n");
        for (int i = 0; i < 20; i++) {
            clients.append("C").append(i).append(",Client ").append(i).append(",Italy,").append(i * 5).append('\n');
            orders.append("C").append(i).append(",O").append(i).append(",2011-10-01,").append(100 + i).append('\n');
        }
        api.importCsv("clients", clients.toString());
        api.importCsv("orders", orders.toString());

        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong okAfterOutage = new AtomicLong();
        AtomicBoolean outageOver = new AtomicBoolean(false);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            load.submit(() -> {
                int n = 0;
                while (running.get()) {
                    String client = "C" + ((thread * 7 + n++) % 20);
                    Api.Problem answer = api.answer(HttpRequest.POST("/api/decisions", Map.of("clientId", client, "asOf", "2011-12-10")));
                    statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
                    if (answer.status() == 200) {
                        answered.add((String) answer.body().get("decisionId"));
                        if (outageOver.get()) {
                            okAfterOutage.incrementAndGet();
                        }
                    } else if (answer.status() == 503) {
                        if (!"5".equals(answer.headers().get("Retry-After")) || !answer.contentType().startsWith("application/problem+json")) {
                            wrong.add("503 without Retry-After or problem: " + answer.headers() + " " + answer.body());
                        }
                    } else {
                        wrong.add(answer.status() + " " + answer.body());
                    }
                }
                return null;
            });
        }
        Thread.sleep(2_000);
        EmbeddedDatabase.outage(Duration.ofSeconds(30));
        long deadline = System.currentTimeMillis() + 60_000;
        outageOver.set(true);
        while (okAfterOutage.get() < 20 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(List.of(), new ArrayList<>(wrong), "answers other than 200 and 503: " + statuses);
        assertTrue(statuses.getOrDefault(503, new AtomicLong()).get() > 0, "no 503 during the outage: " + statuses);
        assertTrue(okAfterOutage.get() >= 20, "the service did not recover by itself: " + statuses);
        List<String> ids = new ArrayList<>(answered);
        long audited = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            audited += db.count("SELECT COUNT(*) FROM decision_audit WHERE decision_id IN ('"
                    + String.join("','", ids.subList(from, Math.min(ids.size(), from + 500))) + "')");
        }
        assertEquals(ids.size(), audited, "every decision answered 200 is in the audit (" + statuses + ")");
        assertEquals(true, api.get("/api/audit/verify").get("intact"));
    }
}
