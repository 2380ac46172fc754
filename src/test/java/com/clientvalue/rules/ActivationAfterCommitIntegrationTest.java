package com.clientvalue.rules;

import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.RealRulesFolder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The service switches to a published version when its activation is committed, not before: a
 * publication rolled back leaves the active version as it was, in the database and in memory.
 */
@MicronautTest(transactional = false)
class ActivationAfterCommitIntegrationTest extends HttpIntegrationTest {
    @Inject
    RecordedPublisher publisher;
    @Inject
    ActiveRuleBase active;
    @Inject
    RuleVersions versions;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aPublicationThatDoesNotCommitChangesNothingAndOneThatCommitsSwitchesOnCommit() {
        String before = active.current().version();
        // a new wording of a rule: a new version that passes every check
        List<RuleSource> edited = RealRulesFolder.edit(active.current().sources(), "clusters/potential-level.csv",
                "A potential rated 60 or more is high", "A potential of 60 or more is high");
        String[] insideTheTransaction = new String[1];
        transactions.executeWrite(status -> {
            publisher.publish(edited, "test", "rolled back");
            insideTheTransaction[0] = active.current().version();
            status.setRollbackOnly();
            return null;
        });
        assertEquals(before, insideTheTransaction[0], "nothing switches before the commit");
        assertEquals(before, active.current().version(), "a publication rolled back leaves the active rules as they were");
        assertEquals(before, versions.activeVersion().orElseThrow());

        RuleVersions.VersionInfo published = transactions.executeWrite(status -> publisher.publish(edited, "test", "committed"));
        assertNotEquals(before, published.version());
        assertEquals(published.version(), active.current().version(), "switched once committed");
        // back to the rules the other tests expect
        transactions.executeWrite(status -> publisher.activate(before, "test", "restore"));
        assertEquals(before, active.current().version());
    }
}
