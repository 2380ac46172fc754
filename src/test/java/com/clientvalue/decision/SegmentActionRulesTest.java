package com.clientvalue.decision;

import com.clientvalue.client.AbcClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** rules/policies/segment-actions.csv: each cluster's actions, each named with the row that proposed it. */
class SegmentActionRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # cluster | potential | class | actions
              KEY      | 80       | A     | DEDICATED_REFERENT MANAGEMENT_DIRECT_LINE PRIORITY_LANE ON_SITE_SERVICE FREQUENT_CONTACT
              DEVELOP  | 80       | C     | FULL_RANGE_PRESENTATION BUSINESS_ANALYSIS WIDER_RELATIONSHIP_BENEFITS
              MAINTAIN | 20       | A     | GRANT_ALERTS REGULATORY_NOTICES PRACTICAL_ADVICE
              MARGINAL | 20       | B     | STANDARD_PROCEDURE SELF_SERVICE_CHANNELS
            """)
    void eachClusterGetsItsActions(Cluster cluster, int potential, AbcClass abcClass, String actions) {
        Evaluation evaluation = RealRules.evaluate(TestFacts.client().potential(potential).abcClass(abcClass).build());

        assertEquals(cluster, evaluation.outcome().cluster());
        assertEquals(RealRules.codes(actions).stream().sorted().toList(), evaluation.outcome().actions().stream()
                .filter(a -> a.ruleId().startsWith("ACT-")).map(ProposedAction::code).sorted().toList());
    }

    @Test
    void actionsCarryDescriptionChannelOwnerAndCadenceFromTheVocabulary() {
        Evaluation evaluation = RealRules.evaluate(TestFacts.client().potential(80).abcClass(AbcClass.A).build());

        assertTrue(evaluation.outcome().actions().contains(new ProposedAction("FREQUENT_CONTACT",
                "Multiply the moments of contact: the client must feel privileged", "Visit / phone", "Key account manager",
                14, "ACT-KEY-CONTACT")), evaluation.outcome().actions().toString());
    }
}
