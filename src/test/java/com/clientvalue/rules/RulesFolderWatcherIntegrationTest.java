package com.clientvalue.rules;

import com.clientvalue.RealRulesFolder;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Development mode: saving a file in the rules folder publishes it; a broken save is not activated. */
class RulesFolderWatcherIntegrationTest {

    @Test
    void savingAValidChangePublishesItAndABrokenOneLeavesTheActiveVersion() throws Exception {
        Path folder = RealRulesFolder.copy();
        try (ApplicationContext context = ApplicationContext.run(Map.of("rules.dir", folder.toString(), "rules.watch", true,
                "rules.poll-interval", "300ms", "demo.enabled", false, "micronaut.server.port", -1), "test")) {
            ActiveRuleBase active = context.getBean(ActiveRuleBase.class);
            String before = active.current().version();
            try {
                Path notes = folder.resolve("clusters/cluster-classification.csv");
                Files.writeString(notes, Files.readString(notes).replace("Each combination must have exactly one row.",
                        "Each combination must have exactly one row. Saved " + System.nanoTime()));
                String saved = awaitChange(active, before);
                assertNotEquals(before, saved);

                Files.writeString(notes, Files.readString(notes).replace("LOW,HIGH,MAINTAIN", "LOW,HIGH,MAINTIAN"));
                Thread.sleep(1500);
                assertEquals(saved, active.current().version(), "a broken save is reported, not activated");
            } finally {
                context.getBean(RulePublisher.class).activate(before, "test", null);
            }
        }
    }

    private static String awaitChange(ActiveRuleBase active, String before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (active.current().version().equals(before) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return active.current().version();
    }
}
