package com.clientvalue.client;

import com.clientvalue.HttpIntegrationTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo portfolio the README's run command loads into an empty database: the real sample and its illustrative additions. */
@MicronautTest(transactional = false)
@Property(name = "demo.enabled", value = "true")
class DemoPortfolioIntegrationTest extends HttpIntegrationTest {
    @Inject
    DemoPortfolio demo;

    @Test
    void anEmptyDatabaseGetsTheSampleWithIllustrativeMarginsNeedsAndReferrals() {
        db.clear();
        demo.onStartup(null);
        assertEquals(1803, db.count("SELECT COUNT(*) FROM client"));
        assertEquals(14354, db.count("SELECT COUNT(*) FROM order_line"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM order_line WHERE margin IS NULL"), "every line has its illustrative margin");
        long needs = db.count("SELECT COUNT(*) FROM client_need");
        long referrals = db.count("SELECT COUNT(*) FROM referral");
        assertTrue(needs > 1803 / 15 && needs < 1803 / 6, needs + " needs");
        assertTrue(referrals > 1803 / 20 && referrals < 1803 / 8, referrals + " referrals");
        demo.onStartup(null);
        assertEquals(1803, db.count("SELECT COUNT(*) FROM client"), "a database with clients is left as it is");
        assertEquals(needs, db.count("SELECT COUNT(*) FROM client_need"));
    }
}
