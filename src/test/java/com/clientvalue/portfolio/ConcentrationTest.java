package com.clientvalue.portfolio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConcentrationTest {
    private static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);
    private static final MetricCoverage COMPLETE = MetricCoverage.of(PortfolioMetric.REVENUE, AS_OF, 4, 4);

    // hand-computed: G = 2·Σ i·x(i) / (n·Σx) − (n+1)/n
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 1 1 1   | 0.000000
            1 2 3 4   | 0.250000
            0 0 0 10  | 0.750000
            10 0 0 0  | 0.750000
            -5 0 0 10 | 0.750000
            3 1       | 0.250000
            """)
    void giniFollowsTheFormula(String values, BigDecimal gini) {
        assertEquals(gini, Concentration.of(AS_OF, PortfolioMetric.REVENUE, values(values), COMPLETE).gini());
    }

    @Test
    void lorenzCurveHasTheShareOfTheSmallestClientsAtEachPercent() {
        Concentration concentration = Concentration.of(AS_OF, PortfolioMetric.REVENUE, values("1 2 3 4"), COMPLETE);

        assertEquals(101, concentration.lorenz().size());
        // 25% of 4 clients = the smallest one: 1 of 10; 50% = 1+2; 75% = 1+2+3; 100% = all
        assertEquals(new BigDecimal("0.100000"), concentration.lorenz().get(25).valueShare());
        assertEquals(new BigDecimal("0.300000"), concentration.lorenz().get(50).valueShare());
        assertEquals(new BigDecimal("0.600000"), concentration.lorenz().get(75).valueShare());
        assertEquals(new BigDecimal("1.000000"), concentration.lorenz().get(100).valueShare());
        assertEquals(new BigDecimal("0.000000"), concentration.lorenz().get(24).valueShare());
    }

    @Test
    void portfolioWithoutRevenueHasNoCurve() {
        assertEquals(List.of(), Concentration.of(AS_OF, PortfolioMetric.REVENUE, values("0 0"), COMPLETE).lorenz());
    }

    private static List<BigDecimal> values(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(BigDecimal::new).toList();
    }
}
