package com.clientvalue.rules;

import com.clientvalue.Api;
import com.clientvalue.VersionedRulesIntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching versions under load, and a second instance following the version activated by the first. */
@MicronautTest(transactional = false)
@Property(name = "rules.poll-interval", value = "300ms")
class RuleSwitchIntegrationTest extends VersionedRulesIntegrationTest {
    @Inject
    ApplicationContext context;
    Api api;

    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        api.importCsv("clients", "client_id,name,country,potential\nK65,Key,Italy,65\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK65,A1,2011-10-01,1000\n");
    }

    @Test
    void switchingVersionsUnderConcurrentDecisionsFailsNoRequestAndEachDecisionMatchesItsVersion() throws Exception {
        String candidate = publish(RuleGovernanceIntegrationTest.THRESHOLD_70);
        api.post("/api/rules/versions/" + original + "/activate", Map.of());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            results.add(clients.submit(() -> {
                int done = 0;
                while (running.get()) {
                    api.post("/api/decisions", Map.of("clientId", "K65", "asOf", "2011-12-10"));
                    done++;
                }
                return done;
            }));
        }
        // 100 activations while four clients decide: none of their requests may fail
        for (int i = 0; i < 100; i++) {
            api.post("/api/rules/versions/" + (i % 2 == 0 ? candidate : original) + "/activate", Map.of());
            Thread.sleep(40);
        }
        running.set(false);
        int decided = 0;
        for (Future<Integer> result : results) {
            decided += result.get();
        }
        clients.shutdown();

        assertEquals(decided, db.count("SELECT COUNT(*) FROM decision_audit"), "every answered decision is audited");
        assertTrue(db.count("SELECT COUNT(*) FROM rule_activation") >= 100);
        assertTrue(db.count("SELECT COUNT(*) FROM decision_audit WHERE rule_version = '" + candidate + "'") > 0);
        assertTrue(db.count("SELECT COUNT(*) FROM decision_audit WHERE rule_version = '" + original + "'") > 0);
        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit WHERE (rule_version = '" + original + "' AND cluster <> 'KEY') "
                + "OR (rule_version = '" + candidate + "' AND cluster <> 'MAINTAIN')"), "each decision is wholly of one version");
    }

    @Test
    void secondInstanceFollowsTheVersionActivatedByTheFirst() throws InterruptedException {
        try (ApplicationContext other = ApplicationContext.run(Map.of("demo.enabled", false, "rules.poll-interval", "300ms",
                "micronaut.server.port", -1), "test")) {
            ActiveRuleBase otherRules = other.getBean(ActiveRuleBase.class);
            assertEquals(original, otherRules.current().version());

            String candidate = publish(RuleGovernanceIntegrationTest.THRESHOLD_70);

            long deadline = System.currentTimeMillis() + 10_000;
            while (!otherRules.current().version().equals(candidate) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(candidate, otherRules.current().version(), "the other instance switched within the poll interval");
        }
    }

    private String publish(byte[] zip) {
        return (String) api.read(http.toBlocking().retrieve(HttpRequest.POST("/api/rules/versions", zip)
                .contentType("application/zip"))).get("version");
    }
}
