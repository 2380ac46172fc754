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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(actions == null ? List.of() : List.of(actions.split(" ")),
                evaluation.outcome().actions().stream().map(ProposedAction::code).toList());
        assertEquals(List.of(firedRules.split(" ")).stream().sorted().toList(),
                evaluation.firedRules().stream().map(RuleDescriptor::ruleId).sorted().toList());
    }

    @Test
    void unratedPotentialActionNamesTheRuleThatProposedIt() {
        Evaluation evaluation = evaluator.evaluate(facts(null, AbcClass.B), rules);

        assertEquals(List.of(new ProposedAction("ASSESS_POTENTIAL", "POT-UNRATED")), evaluation.outcome().actions());
    }

    @Test
    void firedRulesCarryTheirTableRowAndBusinessSentence() {
        Evaluation evaluation = evaluator.evaluate(facts(75, AbcClass.A), rules);

        RuleDescriptor key = evaluation.firedRules().get(evaluation.firedRules().size() - 1);
        assertEquals(new RuleDescriptor("CLU-KEY", "High potential and high revenue: a key client",
                "clusters/cluster-classification.csv", "Cluster classification", 10), key);
        assertEquals(rules.version(), evaluation.ruleVersion());
        assertEquals("High potential and high revenue: a key client [CLU-KEY]",
                evaluation.reasons().get(evaluation.reasons().size() - 1));
    }

    static ClientFacts facts(Integer potential, AbcClass abcClass) {
        LocalDate asOf = LocalDate.of(2011, 12, 10);
        return new ClientFacts("C1", asOf, "Client 1", "Italy", null, null, potential, new BigDecimal("1000.00"), 3,
                asOf.minusDays(200), asOf.minusDays(10), 10, abcClass);
    }
}
