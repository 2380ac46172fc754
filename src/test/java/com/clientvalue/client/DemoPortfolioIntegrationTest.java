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
    void anEmptyDatabaseGetsTheSampleWithIllustrativeMarginsNeedsReferralsCategoriesAndPayments() {
        db.clear();
        demo.onStartup(null);
        assertEquals(1803, db.count("SELECT COUNT(*) FROM client"));
        assertEquals(14354, db.count("SELECT COUNT(*) FROM order_line"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM order_line WHERE margin IS NULL"), "every line has its illustrative margin");
        long needs = db.count("SELECT COUNT(*) FROM client_need");
        long referrals = db.count("SELECT COUNT(*) FROM referral");
        assertTrue(needs > 1803 / 15 && needs < 1803 / 6, needs + " needs");
        assertTrue(referrals > 1803 / 20 && referrals < 1803 / 8, referrals + " referrals");
        assertEquals(0, db.count("SELECT COUNT(*) FROM order_line WHERE product_category IS NULL"), "every line has a category");
        assertEquals(5, db.count("SELECT COUNT(DISTINCT product_category) FROM order_line"));
        long oneCategory = db.count("SELECT COUNT(*) FROM (SELECT o.client_id FROM customer_order o JOIN order_line l ON l.order_id = "
                + "o.order_id GROUP BY o.client_id HAVING COUNT(DISTINCT l.product_category) = 1) c");
        assertTrue(oneCategory > 1803 / 20 && oneCategory < 1803 / 2, oneCategory + " clients buy one category");
        long invoices = db.count("SELECT COUNT(*) FROM payment");
        assertEquals(db.count("SELECT COUNT(*) FROM customer_order WHERE total > 0"), invoices, "one invoice per order");
        long unpaid = db.count("SELECT COUNT(*) FROM payment WHERE paid_on IS NULL");
        long late = db.count("SELECT COUNT(*) FROM payment WHERE paid_on > due_on");
        assertTrue(unpaid > 0 && unpaid < invoices / 10, unpaid + " unpaid of " + invoices);
        assertTrue(late > invoices / 8 && late < invoices / 3, late + " late of " + invoices);
        demo.onStartup(null);
        assertEquals(1803, db.count("SELECT COUNT(*) FROM client"), "a database with clients is left as it is");
        assertEquals(needs, db.count("SELECT COUNT(*) FROM client_need"));
    }
}
