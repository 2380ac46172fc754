package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.decision.ClientDecider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// the tests below claim chunks themselves, as instances would: this instance's own poll (every 2 s) would
// claim them too, at a moment no test chose (a job started through the API is decided at once all the same)
@Property(name = "resegmentation.poll-interval", value = "1h")
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
    @Inject
    com.clientvalue.audit.AdminLog log;
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
    void aChunkOfAStoppedInstanceIsTakenOverWithoutDecidingAnyClientTwice() {
        long id = store.create(AS_OF);
        // what a stopped instance left: its first chunk audited and done, its second claimed, its lease run out
        Resegmentation stopped = new Resegmentation(store, decider, log, Duration.ofSeconds(30), "stopped-instance");
        assertTrue(stopped.decideOneChunk());
        ResegmentationStore.Chunk held = store.claimChunk("stopped-instance", Duration.ofSeconds(30)).orElseThrow();
        db.execute("UPDATE resegmentation_chunk SET lease_until = NOW(6) - INTERVAL 1 SECOND WHERE job_id = " + id
                + " AND chunk_no = " + held.chunkNo());

        while (resegmentation.decideOneChunk()) {
            // this instance decides the rest, the stopped instance's second chunk included
        }

        assertEquals("DONE", resegmentation.view(id).status());
        assertEquals(CLIENTS, db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + id));
        assertEquals(CLIENTS, db.count("SELECT COUNT(DISTINCT client_id) FROM decision_audit WHERE job_id = " + id));
        assertEquals(2, db.count("SELECT claims FROM resegmentation_chunk WHERE job_id = " + id + " AND chunk_no = " + held.chunkNo()),
                "claimed twice, decided once");
        assertEquals(java.util.Set.of(new ResegmentationStore.Worker("stopped-instance", 1, Resegmentation.CHUNK),
                new ResegmentationStore.Worker(owner(), 2, CLIENTS - Resegmentation.CHUNK)),
                java.util.Set.copyOf(resegmentation.view(id).instances()));
    }

    @Test
    void twoInstancesShareAJobChunkByChunk() {
        long id = store.create(AS_OF);
        Resegmentation other = new Resegmentation(store, decider, log, Duration.ofSeconds(30), "other-instance");

        assertTrue(resegmentation.decideOneChunk());
        assertTrue(other.decideOneChunk());
        assertTrue(resegmentation.decideOneChunk());
        assertFalse(other.decideOneChunk(), "1,234 clients make three chunks");

        assertEquals("DONE", resegmentation.view(id).status());
        assertEquals(List.of(2L, 1L), List.of(db.count("SELECT COUNT(*) FROM resegmentation_chunk WHERE job_id = " + id
                + " AND owner <> 'other-instance'"), db.count("SELECT COUNT(*) FROM resegmentation_chunk WHERE job_id = " + id
                + " AND owner = 'other-instance'")));
        assertEquals(CLIENTS, db.count("SELECT COUNT(DISTINCT client_id) FROM decision_audit WHERE job_id = " + id));
        assertEquals(CLIENTS, db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + id));
        assertEquals(1, db.count("SELECT COUNT(*) FROM admin_event WHERE action = 'RESEGMENTATION_DONE' AND subject = 'job " + id + "'"),
                "ended once, by whichever instance wrote the last chunk");
    }

    @Test
    void aLateWriteOfAChunkTakenOverIsNotKept() {
        long id = store.create(AS_OF);
        ResegmentationStore.Chunk chunk = store.claimChunk("slow-instance", Duration.ofSeconds(30)).orElseThrow();
        ClientDecider.Prepared decided = decider.prepareSealed(store.clients(chunk), AS_OF, id);
        // meanwhile its lease ran out and another instance took the chunk over
        db.execute("UPDATE resegmentation_chunk SET owner = 'faster-instance' WHERE job_id = " + id + " AND chunk_no = " + chunk.chunkNo());

        assertThrows(ResegmentationStore.ChunkTakenOver.class,
                () -> decider.record(decided, () -> store.completeChunk(chunk, "slow-instance", decided.decisions().size())));

        assertEquals(0, db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + id), "the whole write was rolled back");
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_block WHERE decisions = " + decided.decisions().size()));
        store.finish(id, "FAILED", "ended by the test"); // no later test context may go on with it
    }

    @Test
    void aFailedJobsChunksAreNotClaimedAgain() {
        long id = store.create(AS_OF);
        store.finish(id, "FAILED", "ended by the test");

        assertTrue(store.claimChunk("any-instance", Duration.ofSeconds(30)).isEmpty());
        assertEquals(3, db.count("SELECT COUNT(*) FROM resegmentation_chunk WHERE job_id = " + id + " AND status = 'CANCELLED'"));
    }

    private String owner() {
        return db.text("SELECT owner FROM resegmentation_chunk WHERE owner <> 'stopped-instance' LIMIT 1");
    }

    @Test
    void unknownJobIs404() {
        assertEquals(404, api.problem(HttpRequest.GET("/api/portfolio/resegmentations/999999")).status());
    }
}
