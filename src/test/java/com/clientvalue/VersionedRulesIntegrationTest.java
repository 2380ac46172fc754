package com.clientvalue;

import com.clientvalue.rules.ActiveRuleBase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/**
 * Base of the tests that publish or activate rule versions. The database is shared by every test
 * context of the run, so each test puts the folder's version back in force when it ends.
 */
public abstract class VersionedRulesIntegrationTest extends HttpIntegrationTest {
    @Inject
    protected ActiveRuleBase active;
    protected String original;

    @BeforeEach
    void rememberTheActiveVersion() {
        original = active.current().version();
    }

    @AfterEach
    void restoreTheActiveVersion() {
        api().post("/api/rules/versions/" + original + "/activate", Map.of());
    }
}
