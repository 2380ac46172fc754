package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The configured schedule (a cron expression; nightly by default, every 2 s here) starts resegmentations by itself. */
@MicronautTest(transactional = false)
@Property(name = "resegmentation.schedule", value = "*/2 * * * * *")
class ResegmentationCronIntegrationTest extends HttpIntegrationTest {

    @Test
    @SuppressWarnings("rawtypes")
    void theScheduleStartsAJobThatDecidesEveryClient() throws InterruptedException {
        db.clear();
        Api api = api();
        api.importCsv("clients", "client_id,name,country,potential\nS1,One,Italy,90\nS2,Two,Italy,10\n");
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            List<Map> jobs = http.toBlocking().retrieve(HttpRequest.GET("/api/portfolio/resegmentations"), Argument.listOf(Map.class));
            java.util.Optional<Map> done = jobs.stream().filter(j -> "SCHEDULE".equals(j.get("startedBy")) && "DONE".equals(j.get("status"))
                    && ((Number) j.get("total")).intValue() == 2).findFirst();
            if (done.isPresent()) {
                assertEquals(2, ((Number) done.get().get("done")).intValue());
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no scheduled job decided the two clients within 60 s");
    }
}
