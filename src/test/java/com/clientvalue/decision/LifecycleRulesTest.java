package com.clientvalue.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** rules/lifecycle/lifecycle-state.csv, row by row, at each boundary. First match wins. */
class LifecycleRulesTest {

    @ParameterizedTest(name = "last {0} d, first {1} d, {2} orders -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # days since last | days since first | orders 12m | lifecycle | rule
              -               | -                 | 0          | PROSPECT  | LC-PROSPECT
              365             | 400               | 0          | LOST      | LC-LOST
              364             | 400               | 1          | INACTIVE  | LC-INACTIVE
              180             | 400               | 2          | INACTIVE  | LC-INACTIVE
              179             | 400               | 2          | ACTIVE    | LC-ACTIVE
              10              | 89                | 2          | NEW       | LC-NEW
              10              | 90                | 2          | ACTIVE    | LC-ACTIVE
              10              | 89                | 7          | NEW       | LC-NEW
              10              | 90                | 6          | LOYAL     | LC-LOYAL
              10              | 300               | 5          | ACTIVE    | LC-ACTIVE
              200             | 300               | 6          | INACTIVE  | LC-INACTIVE
              400             | 500               | 0          | LOST      | LC-LOST
            """)
    void firstMatchingRowDecidesTheLifecycle(Integer daysSinceLast, Integer daysSinceFirst, int orders12m,
                                             Lifecycle expected, String rule) {
        Evaluation evaluation = RealRules.evaluate(TestFacts.client().ordering(daysSinceLast, daysSinceFirst, orders12m).build());

        assertEquals(expected, evaluation.outcome().lifecycle());
        assertEquals(List.of(rule), RealRules.fired(evaluation, "LC-"));
    }
}
