package com.clientvalue.portfolio;

import com.clientvalue.decision.Cluster;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BudgetAllocationTest {
    private static final Map<Cluster, BigDecimal> WEIGHTS = Map.of(Cluster.KEY, new BigDecimal("5"), Cluster.DEVELOP,
            new BigDecimal("3"), Cluster.MAINTAIN, new BigDecimal("2"), Cluster.MARGINAL, new BigDecimal("0.5"));

    // points = 5·2 + 3·1 + 2·3 + 0.5·10 = 24; 1000 × 10/24 = 416.666…, × 3/24 = 125, × 6/24 = 250, × 5/24 = 208.333…
    @Test
    void budgetFollowsWeightTimesClientsAndAddsUpToTheCent() {
        BudgetAllocation allocation = BudgetAllocation.of(LocalDate.of(2011, 12, 10), "v", new BigDecimal("1000"),
                Map.of(Cluster.KEY, 2L, Cluster.DEVELOP, 1L, Cluster.MAINTAIN, 3L, Cluster.MARGINAL, 10L), WEIGHTS);

        assertEquals(List.of("416.67", "125.00", "250.00", "208.33"),
                allocation.segments().stream().map(s -> s.budget().toPlainString()).toList());
        assertEquals(List.of("208.34", "125.00", "83.33", "20.83"),
                allocation.segments().stream().map(s -> s.perClient().toPlainString()).toList());
        assertEquals(new BigDecimal("1000.00"), allocation.segments().stream().map(BudgetAllocation.Segment::budget)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void emptyPortfolioAllocatesNothing() {
        BudgetAllocation allocation = BudgetAllocation.of(LocalDate.of(2011, 12, 10), "v", new BigDecimal("1000"), Map.of(), WEIGHTS);

        assertEquals(List.of(BigDecimal.ZERO), allocation.segments().stream().map(s -> s.budget().stripTrailingZeros()).distinct().toList());
    }

    @Test
    void badWeightIsReportedAtItsLine() {
        List<RuleProblem> problems = new ArrayList<>();
        BudgetWeights.read(List.of(new RuleSource(BudgetWeights.FILE,
                "cluster,weight,why\nKEY,5,x\nDEVELOP,lots,x\nMAINTAIN,2,x\nMARGINAL,1,x\n".getBytes(StandardCharsets.UTF_8))), problems);

        assertEquals(List.of(new RuleProblem(BudgetWeights.FILE, null, 3, "weight", "'lots' must be a number, 0 or more")), problems);
    }
}
