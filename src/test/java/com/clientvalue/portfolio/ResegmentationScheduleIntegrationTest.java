package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports that change facts start a resegmentation a while after the last of them (here 1 s; 10 min by
 * default), listed with what started it and what it changed (here 3 s).
 */
@MicronautTest(transactional = false)
@Property(name = "resegmentation.after-import", value = "3s")
class ResegmentationScheduleIntegrationTest extends HttpIntegrationTest {
    @Inject
    Clock clock;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void importsThatChangeFactsAreFollowedByOneResegmentationListedWithWhatItChanged() throws InterruptedException {
        db.clear();
        Api api = api();
        LocalDate recent = LocalDate.now(clock).minusDays(10);
        // K1: high potential, class B (1000 of 1100 ranked before it): DEVELOP; X1: low potential, class A: MAINTAIN
        api.importCsv("clients", "client_id,name,country,potential\nK1,Key to be,Italy,90\nX1,Maintained,Italy,10\n");
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK1,O1," + recent + ",100\nX1,O2," + recent + ",1000\n");
        Map first = awaitJob(1);
        assertEquals("IMPORT", first.get("startedBy"));
        assertEquals(2, ((Number) first.get("done")).intValue(), "two imports, one run");

        // K1 buys much more: class A, KEY; X1 falls to class B: MARGINAL
        api.importCsv("orders", "client_id,order_id,order_date,amount\nK1,O3," + recent + ",5000\n");
        Map second = awaitJob(2);
        assertEquals("IMPORT", second.get("startedBy"));
        List<Map> changes = http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/resegmentations/" + second.get("id") + "/changes"),
                Argument.listOf(Map.class));
        assertTrue(changes.stream().anyMatch(c -> "CLUSTER".equals(c.get("dimension")) && "DEVELOP".equals(c.get("from"))
                && "KEY".equals(c.get("to")) && ((Number) c.get("clients")).intValue() == 1), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> "CLUSTER".equals(c.get("dimension")) && "MAINTAIN".equals(c.get("from"))
                && "MARGINAL".equals(c.get("to"))), changes.toString());
        assertTrue(db.count("SELECT COUNT(*) FROM admin_event WHERE action = 'RESEGMENTATION_STARTED' AND detail LIKE '%started by IMPORT%'") >= 2);
    }

    /** Waits for the list to hold {@code count} jobs, the newest finished; returns the newest. */
    @SuppressWarnings("rawtypes")
    private Map awaitJob(int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            List<Map> jobs = http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/resegmentations"), Argument.listOf(Map.class));
            if (jobs.size() >= count && "DONE".equals(jobs.get(0).get("status"))) {
                assertEquals(count, jobs.size(), "one job per batch of imports: " + jobs);
                return jobs.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no finished job " + count + " within 60 s");
    }
}
