package com.clientvalue.decision;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default cluster tables of the real rules/ folder, compiled by the production loader. */
class ClusterRulesTest {
    private static RuleBase rules;
    private final DecisionEvaluator evaluator = new DecisionEvaluator();

    @BeforeAll
    static void compileRealRules() {
        rules = ActiveRuleBase.compileFolder(Path.of(System.getProperty("rules.dir", "rules")));
    }

    @ParameterizedTest(name = "potential {0}, class {1} -> {2}")
    @CsvSource(nullValues = "none", textBlock = """
            # potential | abcClass | cluster  | potentialLevel | revenueLevel | actions          | fired rules
              80        | A        | KEY      | HIGH           | HIGH         |                  | POT-HIGH REV-A CLU-KEY
              60        | A        | KEY      | HIGH           | HIGH         |                  | POT-HIGH REV-A CLU-KEY
              100       | B        | DEVELOP  | HIGH           | LOW          |                  | POT-HIGH REV-B CLU-DEVELOP
              60        | C        | DEVELOP  | HIGH           | LOW          |                  | POT-HIGH REV-C CLU-DEVELOP
              59        | A        | MAINTAIN | LOW            | HIGH         |                  | POT-LOW REV-A CLU-MAINTAIN
              0         | A        | MAINTAIN | LOW            | HIGH         |                  | POT-LOW REV-A CLU-MAINTAIN
              59        | B        | MARGINAL | LOW            | LOW          |                  | POT-LOW REV-B CLU-MARGINAL
              10        | C        | MARGINAL | LOW            | LOW          |                  | POT-LOW REV-C CLU-MARGINAL
              none      | A        | MAINTAIN | LOW            | HIGH         | ASSESS_POTENTIAL | POT-UNRATED REV-A CLU-MAINTAIN
              none      | C        | MARGINAL | LOW            | LOW          | ASSESS_POTENTIAL | POT-UNRATED REV-C CLU-MARGINAL
            """, delimiter = '|')
    void clusterFollowsPotentialAndRevenueLevel(Integer potential, AbcClass abcClass, Cluster cluster, Level potentialLevel,
                                                Level revenueLevel, String actions, String firedRules) {
        Evaluation evaluation = evaluator.evaluate(facts(potential, abcClass), rules);

        assertEquals(cluster, evaluation.outcome().cluster());
        assertEquals(potentialLevel, evaluation.outcome().potentialLevel());
        assertEquals(revenueLevel, evaluation.outcome().revenueLevel());
        assertEquals(actions != null, evaluation.outcome().actions().stream()
                .anyMatch(a -> a.code().equals("ASSESS_POTENTIAL") && a.ruleId().equals("POT-UNRATED")));
        List<String> fired = evaluation.firedRules().stream().map(RuleDescriptor::ruleId).toList();
        assertTrue(fired.containsAll(List.of(firedRules.split(" "))), fired.toString());
        assertEquals(3, fired.stream().filter(id -> id.startsWith("POT-") || id.startsWith("REV-") || id.startsWith("CLU-")).count());
    }

    @Test
    void unratedPotentialActionNamesTheRuleThatProposedIt() {
        Evaluation evaluation = evaluator.evaluate(facts(null, AbcClass.B), rules);

        ProposedAction assess = evaluation.outcome().actions().get(0);
        assertEquals(new ProposedAction("ASSESS_POTENTIAL", "Rate the client's potential (0-100): size, needs, share of wallet",
                "CRM task", "Sales", null, "POT-UNRATED"), assess);
    }

    @Test
    void firedRulesCarryTheirTableRowAndBusinessSentence() {
        Evaluation evaluation = evaluator.evaluate(facts(75, AbcClass.A), rules);

        RuleDescriptor key = evaluation.firedRules().stream().filter(r -> r.ruleId().equals("CLU-KEY")).findFirst().orElseThrow();
        assertEquals(new RuleDescriptor("CLU-KEY", "High potential and high revenue: a key client",
                "clusters/cluster-classification.csv", "Cluster classification", 10), key);
        assertEquals(rules.version(), evaluation.ruleVersion());
        assertTrue(evaluation.reasons().contains("High potential and high revenue: a key client [CLU-KEY]"));
    }

    static ClientFacts facts(Integer potential, AbcClass abcClass) {
        return TestFacts.client().potential(potential).abcClass(abcClass).build();
    }
}
