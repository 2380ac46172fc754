package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.decision.ClientDecider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ResegmentationIntegrationTest extends HttpIntegrationTest {
    static final int CLIENTS = 1_234;
    static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);
    @Inject
    Resegmentation resegmentation;
    @Inject
    ResegmentationStore store;
    @Inject
    ClientDecider decider;
    Api api;

    @BeforeEach
    void portfolio() {
        db.clear();
        api = api();
        StringBuilder csv = new StringBuilder("client_id,name,country,potential\n");
        for (int i = 0; i < CLIENTS; i++) {
            csv.append(String.format("R%05d,Client %d,Italy,%d%n", i, i, i % 101));
        }
        api.importCsv("clients", csv.toString());
    }

    @Test
    void jobDecidesAndAuditsEveryClientOnceAndReportsProgress() throws InterruptedException {
        HttpResponse<String> started = http.toBlocking().exchange(HttpRequest.POST("/api/portfolio/resegmentations?asOf=2011-12-10", ""),
                String.class);
        assertEquals(202, started.code());
        String location = started.header("Location");

        Map<String, Object> job = api.read(started.body());
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"DONE".equals(job.get("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            job = api.get(location);
        }

        assertEquals("DONE", job.get("status"));
        assertEquals(CLIENTS, job.get("total"));
        assertEquals(CLIENTS, job.get("done"));
        assertTrue(((Number) job.get("ratePerSecond")).doubleValue() > 0);
        long id = ((Number) job.get("id")).longValue();
        assertEquals(CLIENTS, db.count("SELECT COUNT(DISTINCT client_id) FROM decision_audit WHERE job_id = " + id));
        assertEquals(CLIENTS, db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + id));
        assertEquals(CLIENTS, db.count("SELECT COUNT(*) FROM latest_decision"), "job decisions are ordinary decisions");
        assertEquals("every client decided as of 2011-12-10: " + CLIENTS + " clients", db.text("SELECT detail FROM admin_event "
                + "WHERE action = 'RESEGMENTATION_STARTED' AND subject = 'job " + id + "'"));
        assertEquals(CLIENTS + " of " + CLIENTS + " clients decided as of 2011-12-10", db.text("SELECT detail FROM admin_event "
                + "WHERE action = 'RESEGMENTATION_DONE' AND subject = 'job " + id + "'"));
    }

    @Test
    void jobInterruptedAfterSomeChunksResumesWithoutDecidingAnyClientTwice() {
        long id = store.create(AS_OF);
        List<String> firstChunks = store.clientsAfter(store.lastDecided(id), 600);
        decider.decideAll(firstChunks, AS_OF, id); // what the job had audited when its instance stopped

        resegmentation.run(id, AS_OF);

        assertEquals("DONE", resegmentation.view(id).status());
        assertEquals(CLIENTS, db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + id));
        assertEquals(0, db.count("SELECT COUNT(*) FROM (SELECT client_id FROM decision_audit WHERE job_id = " + id
                + " GROUP BY client_id HAVING COUNT(*) > 1) twice"));
    }

    @Test
    void anotherLiveInstanceKeepsItsJob() {
        long id = store.create(AS_OF);
        assertTrue(store.claim(id, "other-instance"));

        resegmentation.run(id, AS_OF);

        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + id));
        assertEquals("RUNNING", resegmentation.view(id).status());
        store.finish(id, "FAILED", "ended by the test"); // no later test context may resume it
    }

    @Test
    void unknownJobIs404() {
        assertEquals(404, api.problem(HttpRequest.GET("/api/portfolio/resegmentations/999999")).status());
    }
}
