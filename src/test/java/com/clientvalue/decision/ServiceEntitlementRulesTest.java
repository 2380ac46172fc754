package com.clientvalue.decision;

import com.clientvalue.client.AbcClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * rules/policies/service-entitlement.csv: granted when a row grants and none refuses. Clusters
 * come from the real cluster tables: KEY = potential 80 class A, DEVELOP = 80 C, MAINTAIN = 20 A,
 * MARGINAL = 20 B.
 */
class ServiceEntitlementRulesTest {

    @ParameterizedTest(name = "{0}: {1} paid={2} discount={3} used={4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # cluster | category  | paid  | discount | free used | granted | deciding rules
              MARGINAL | STANDARD  | true  | 0        | 0         | true    | SRV-PAID
              MARGINAL | STANDARD  | false | 0        | 0         | false   | SRV-MARGINAL-UNPAID
              MARGINAL | STANDARD  | true  | 2        | 0         | false   | SRV-MARGINAL-DISCOUNT
              MARGINAL | EXCEPTION | true  | 0        | 0         | false   | SRV-MARGINAL-EXCEPTION
              MARGINAL | EXCEPTION | false | 10       | 0         | false   | SRV-MARGINAL-DISCOUNT SRV-MARGINAL-EXCEPTION SRV-MARGINAL-UNPAID
              DEVELOP  | STANDARD  | false | 0        | 0         | true    | SRV-DEVELOP-UNPAID
              DEVELOP  | STANDARD  | false | 0        | 1         | true    | SRV-DEVELOP-UNPAID
              DEVELOP  | STANDARD  | false | 0        | 2         | false   | SRV-DEVELOP-UNPAID-LIMIT
              DEVELOP  | STANDARD  | true  | 5        | 0         | true    | SRV-DEVELOP-DISCOUNT
              DEVELOP  | STANDARD  | true  | 5.01     | 0         | false   | SRV-DEVELOP-DISCOUNT-LIMIT
              DEVELOP  | EXCEPTION | true  | 0        | 0         | true    | SRV-DEVELOP-EXCEPTION
              MAINTAIN | STANDARD  | false | 0        | 2         | true    | SRV-MAINTAIN-UNPAID
              MAINTAIN | STANDARD  | false | 0        | 3         | false   | SRV-MAINTAIN-UNPAID-LIMIT
              MAINTAIN | STANDARD  | true  | 4        | 0         | true    | SRV-MAINTAIN-DISCOUNT
              MAINTAIN | STANDARD  | true  | 6        | 0         | false   | SRV-MAINTAIN-DISCOUNT-LIMIT
              MAINTAIN | EXCEPTION | true  | 0        | 0         | true    | SRV-MAINTAIN-EXCEPTION
              KEY      | STANDARD  | false | 0        | 50        | true    | SRV-KEY-UNPAID
              KEY      | STANDARD  | true  | 15       | 0         | true    | SRV-KEY-DISCOUNT
              KEY      | STANDARD  | true  | 16       | 0         | false   | SRV-KEY-DISCOUNT-LIMIT
              KEY      | EXCEPTION | false | 0        | 0         | true    | SRV-KEY-EXCEPTION SRV-KEY-UNPAID
              KEY      | STANDARD  | true  | 0        | 0         | true    | SRV-PAID
            """)
    void requestIsGrantedWhenARowGrantsAndNoneRefuses(Cluster cluster, String category, boolean paid, BigDecimal discount,
                                                      int freeUsed, boolean granted, String rules) {
        ServiceRequest request = new ServiceRequest("ANY", category, paid, discount, freeUsed);

        Evaluation evaluation = RealRules.evaluate(clientOf(cluster), null, request);

        assertEquals(cluster, evaluation.outcome().cluster());
        assertEquals(granted, evaluation.outcome().serviceAnswer().granted());
        assertEquals(RealRules.codes(rules), evaluation.outcome().serviceAnswer().ruleIds().stream().sorted().toList());
    }

    @ParameterizedTest
    @CsvSource({"MARGINAL", "KEY"})
    void plainDecisionHasNoServiceAnswer(Cluster cluster) {
        assertNull(RealRules.evaluate(clientOf(cluster)).outcome().serviceAnswer());
    }

    private static com.clientvalue.client.ClientFacts clientOf(Cluster cluster) {
        return switch (cluster) {
            case KEY -> TestFacts.client().potential(80).abcClass(AbcClass.A).build();
            case DEVELOP -> TestFacts.client().potential(80).abcClass(AbcClass.C).build();
            case MAINTAIN -> TestFacts.client().potential(20).abcClass(AbcClass.A).build();
            case MARGINAL -> TestFacts.client().potential(20).abcClass(AbcClass.B).build();
        };
    }
}
