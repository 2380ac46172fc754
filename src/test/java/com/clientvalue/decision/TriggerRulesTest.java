package com.clientvalue.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/lifecycle/reactivation-triggers.csv, row by row. */
class TriggerRulesTest {

    @ParameterizedTest(name = "last {0} d, ratio {2}, was {3}, reason {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # since last | orders | silence ratio | last active cluster | loss reason | trigger actions                         | trigger rules
              200        | 1      | -             | -                   | -           | REACTIVATION_CONTACT                    | TRG-REACTIVATE
              400        | 0      | -             | -                   | -           | LOSS_REASON_INQUIRY WIN_BACK_OFFER      | TRG-LOSS-INQUIRY TRG-WIN-BACK
              400        | 0      | -             | -                   | price       | WIN_BACK_OFFER                          | TRG-WIN-BACK
              400        | 0      | -             | KEY                 | -           | LOSS_REASON_INQUIRY WIN_BACK_OFFER      | TRG-LOSS-INQUIRY TRG-WIN-BACK
              400        | 0      | -             | MAINTAIN            | price       | WIN_BACK_OFFER                          | TRG-WIN-BACK
              400        | 0      | -             | DEVELOP             | price       | WIN_BACK_OFFER                          | TRG-WIN-BACK
              400        | 0      | -             | MARGINAL            | -           | LOSS_REASON_INQUIRY WIN_BACK_OFFER      | TRG-LOSS-INQUIRY TRG-WIN-BACK
              400        | 0      | -             | MARGINAL            | low price   |                                         |
              400        | 0      | -             | KEY                 | closed down |                                         |
              40         | 3      | 2.01          | -                   | -           | EARLY_WARNING_CONTACT                   | TRG-MOVING-AWAY-ACTIVE
              40         | 3      | 2.00          | -                   | -           |                                         |
              40         | 3      | -             | -                   | -           |                                         |
              40         | 8      | 4.00          | -                   | -           | EARLY_WARNING_CONTACT                   | TRG-MOVING-AWAY-LOYAL
              200        | 1      | 5.00          | -                   | -           | REACTIVATION_CONTACT                    | TRG-REACTIVATE
            """)
    void triggersFollowLifecycleRhythmAndHistory(int daysSinceLast, int orders12m, String silenceRatio, Cluster lastActive,
                                                  String lossReason, String actions, String rules) {
        TestFacts facts = TestFacts.client().ordering(daysSinceLast, 500, orders12m)
                .rhythm(silenceRatio == null ? null : "20", silenceRatio).lossReason(lossReason);
        PreviousDecision previous = lastActive == null ? null
                : new PreviousDecision("d-1", Cluster.MARGINAL, Lifecycle.INACTIVE, null, lastActive);

        Evaluation evaluation = RealRules.evaluate(facts.build(), previous, null);

        assertEquals(RealRules.codes(rules), RealRules.fired(evaluation, "TRG-").stream().sorted().toList());
        assertEquals(RealRules.codes(actions), evaluation.outcome().actions().stream()
                .filter(a -> a.ruleId().startsWith("TRG-")).map(ProposedAction::code).sorted().toList());
    }
}
