package com.clientvalue.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/experience/*.csv: the latest survey's segment and the complaint follow-up. */
class ExperienceRulesTest {

    @ParameterizedTest(name = "expectation {0}, experience {1}, complaints {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # expectation | experience | complaints 90d | segment          | actions                           | rules
              4           | 4          | 0              | DEVOTED          | ASK_REFERRAL                      | EXP-DEVOTED
              5           | 5          | 0              | DEVOTED          | ASK_REFERRAL                      | EXP-DEVOTED
              3           | 4          | 0              | SATISFIED        | KEEP_INFORMED                     | EXP-SATISFIED
              4           | 3          | 0              | DISSATISFIED     | SERVICE_RECOVERY                  | EXP-DISSATISFIED
              3           | 3          | 0              | LOST_OR_INACTIVE |                                   | EXP-LOST
              1           | 1          | 2              | LOST_OR_INACTIVE |                                   | EXP-LOST
              5           | 1          | 3              | DISSATISFIED     | COMPLAINT_REVIEW SERVICE_RECOVERY | CMP-REVIEW EXP-DISSATISFIED
              -           | -          | 0              | -                |                                   |
              -           | -          | 4              | -                | COMPLAINT_REVIEW                  | CMP-REVIEW
            """)
    void latestSurveyPlacesTheClientAndComplaintsAskForAReview(Integer expectation, Integer experience, int complaints,
                                                               ExperienceSegment segment, String actions, String rules) {
        Evaluation evaluation = RealRules.evaluate(TestFacts.client().survey(expectation, experience).complaints(complaints).build());

        assertEquals(segment, evaluation.outcome().experienceSegment());
        assertEquals(RealRules.codes(rules), evaluation.firedRules().stream().map(r -> r.ruleId())
                .filter(id -> id.startsWith("EXP-") || id.startsWith("CMP-")).sorted().toList());
        assertEquals(RealRules.codes(actions), evaluation.outcome().actions().stream()
                .filter(a -> a.ruleId().startsWith("EXP-") || a.ruleId().startsWith("CMP-"))
                .map(ProposedAction::code).sorted().toList());
    }
}
