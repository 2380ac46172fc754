package com.clientvalue.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AbcCutoffsTest {
    private static final BigDecimal EIGHTY = BigDecimal.valueOf(80);
    private static final BigDecimal NINETY_FIVE = BigDecimal.valueOf(95);

    // total 1000. Shares before each client: a 0%, b 50%, c 50% (tie with b, id after), d 80%, e 90%, f 95%
    private static final List<AbcCutoffs.Rank> PORTFOLIO = List.of(
            rank("f", "50"), rank("d", "100"), rank("a", "500"), rank("c", "150"), rank("e", "50"), rank("b", "150"));

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(textBlock = """
            a, 500, A
            b, 150, A
            c, 150, A
            d, 100, B
            e, 50,  B
            f, 50,  C
            z, 0,   C
            y, -20, C
            """)
    void classFollowsTheShareOfRevenueRankedBeforeTheClient(String clientId, BigDecimal revenue, AbcClass expected) {
        AbcCutoffs cutoffs = AbcCutoffs.of(PORTFOLIO, EIGHTY, NINETY_FIVE);

        assertEquals(expected, cutoffs.classify(clientId, revenue));
    }

    @Test
    void cutoffsKeepTheBoundaryClientsAndCounts() {
        AbcCutoffs cutoffs = AbcCutoffs.of(PORTFOLIO, EIGHTY, NINETY_FIVE);

        assertEquals(new BigDecimal("1000"), cutoffs.positiveRevenue());
        assertEquals(3, cutoffs.countA());
        assertEquals(2, cutoffs.countB());
        assertEquals(rank("c", "150"), cutoffs.lastA());
        assertEquals(rank("e", "50"), cutoffs.lastB());
    }

    @Test
    void tieOnRevenueIsBrokenByClientIdAscending() {
        // share before e is 90% < 95%: B; f has the same revenue but comes after e, at 95%: C
        AbcCutoffs cutoffs = AbcCutoffs.of(PORTFOLIO, EIGHTY, NINETY_FIVE);

        assertEquals(AbcClass.B, cutoffs.classify("e", new BigDecimal("50.00")));
        assertEquals(AbcClass.C, cutoffs.classify("f", new BigDecimal("50")));
    }

    @Test
    void emptyPortfolioPutsEveryoneInC() {
        AbcCutoffs cutoffs = AbcCutoffs.of(List.of(), EIGHTY, NINETY_FIVE);

        assertEquals(AbcClass.C, cutoffs.classify("a", BigDecimal.TEN));
    }

    private static AbcCutoffs.Rank rank(String id, String revenue) {
        return new AbcCutoffs.Rank(id, new BigDecimal(revenue));
    }
}
