package com.clientvalue.governance.invariant;

import com.clientvalue.decision.RealRules;
import com.clientvalue.governance.invariant.InvariantCheck;

import com.clientvalue.AnalystEdits;
import com.clientvalue.RealRulesFolder;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verification of rule sets over generated boundary inputs: invariants, overlaps, gaps and dead rows. */
class InvariantRulesTest {
    private final InvariantCheck check = new InvariantCheck();

    @Test
    void defaultRulesKeepEveryInvariantAndEveryRowCanFire() {
        RuleBase rules = RealRules.get();

        assertEquals(List.of(), check.check(rules, rules.sources()));
    }

    @Test
    void grantingFreeServicesToMarginalClientsBreaksTheInvariantWithACounterExample() {
        RuleProblem problem = single(RealRulesFolder.edit(RealRules.get().sources(), "policies/service-entitlement.csv", "MARGINAL,false,,,,,,REFUSED", "MARGINAL,false,,,,,,GRANTED"));

        assertEquals("invariants/policy-invariants.csv", problem.file());
        assertEquals(4, problem.row());
        assertTrue(problem.message().startsWith("invariant INV-MARGINAL-NO-FREE-SERVICE (No marginal client is granted an unpaid "
                + "service) is broken for generated client potential="), problem.message());
        assertTrue(problem.message().contains("request: paid=false"), problem.message());
    }

    @Test
    void twoRowsGivingDifferentClustersAreAnOverlapNamingBothRows() {
        List<RuleSource> sources = RealRulesFolder.edit(RealRules.get().sources(), "clusters/cluster-classification.csv",
                "CLU-MARGINAL,Low potential and low revenue: a marginal client,LOW,LOW,MARGINAL",
                "CLU-MARGINAL,Low potential and low revenue: a marginal client,LOW,LOW,MARGINAL\n"
                        + "CLU-TWICE,Low potential and low revenue: also to develop,LOW,LOW,DEVELOP");

        // once, at the table's rows (it was also reported per generated client, as "(rule set)": the noise of issue 13.6b)
        assertEquals(List.of(new RuleProblem("clusters/cluster-classification.csv", "Cluster classification", 14, null,
                "rows 13 (CLU-MARGINAL) and 14 (CLU-TWICE) both apply to potential level LOW with revenue level LOW: "
                        + "such a client gets two clusters; make the rows' conditions exclude each other")), checkAll(sources));
    }

    @Test
    void aGapInThePotentialTableIsReportedAtTheTableWithTheRangeBeforeTheInvariantItBreaks() {
        List<RuleSource> sources = RealRulesFolder.edit(RealRules.get().sources(), "clusters/potential-level.csv",
                "POT-LOW,A potential rated below 60 is low,,60", "POT-LOW,A potential rated below 60 is low,,50");

        List<RuleProblem> problems = checkAll(sources);

        assertEquals(new RuleProblem("clusters/potential-level.csv", "Potential level", null, null, "no row covers potential "
                + "from 50 to 59: such a client gets no potential level; add a row for it or widen a neighbouring row"), problems.get(0));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(1).message().startsWith("invariant INV-ONE-CLUSTER"), problems.toString());
    }

    @Test
    void anOverlapInATableTheCellsCannotTellIsStillFoundByTheGeneratedClients() {
        // a DRL rule is not a table: only evaluating generated clients finds that it gives a second cluster
        List<RuleSource> sources = new ArrayList<>(RealRules.get().sources());
        sources.add(new RuleSource("clusters/extra.drl", """
                package clusters;
                import com.clientvalue.client.ClientFacts;
                import com.clientvalue.decision.*;

                rule "Big companies are key" @ruleId("EXTRA-KEY")
                when
                    ClientFacts( employees != null, employees >= 250 )
                then
                    insert(new ClusterAssignment(Cluster.KEY));
                end
                """.getBytes(StandardCharsets.UTF_8)));

        RuleProblem problem = checkAll(sources).get(0);

        assertTrue(problem.message().startsWith("overlap: generated client"), problem.message());
        assertTrue(problem.message().contains("EXTRA-KEY (clusters/extra.drl row 5)"), problem.message());
    }

    @Test
    void aMissingRowIsAGapReportedByTheExactlyOneInvariant() {
        // the whole row, whatever cells (reasons...) follow its cluster
        String row = RealRules.get().sources().stream().filter(s -> s.path().equals("clusters/cluster-classification.csv"))
                .findFirst().orElseThrow().text().lines().filter(line -> line.startsWith("CLU-DEVELOP,")).findFirst().orElseThrow();
        List<RuleProblem> problems = check(RealRulesFolder.edit(RealRules.get().sources(), "clusters/cluster-classification.csv",
                row + "\n", ""));

        RuleProblem gap = problems.get(0);
        assertEquals(2, gap.row());
        assertTrue(gap.message().startsWith("invariant INV-ONE-CLUSTER (Every client gets exactly one cluster) is broken for "
                + "generated client potential=60, abcClass=B"), gap.message());
        assertTrue(gap.message().endsWith("no rule decides its cluster"), gap.message());
    }

    @Test
    void aRowThatAnEarlierRowShadowsIsReportedAsDead() {
        List<RuleProblem> problems = check(RealRulesFolder.edit(RealRules.get().sources(), "lifecycle/lifecycle-state.csv",
                "LC-INACTIVE,A client silent for 180 days or more is inactive,40", "LC-INACTIVE,A client silent for 180 days or more is inactive,55"));

        RuleProblem dead = problems.get(0);
        assertEquals("lifecycle/lifecycle-state.csv", dead.file());
        assertEquals(11, dead.row());
        assertTrue(dead.message().startsWith("rule LC-LOST never fires for any of the"), dead.message());
    }

    @Test
    void rowsOnCountrySectorAndOrderRhythmAreReachedNotReportedDead() {
        List<RuleSource> sources = new ArrayList<>(RealRules.get().sources());
        sources.add(new RuleSource(AnalystEdits.LOCAL_FOCUS_PATH, AnalystEdits.LOCAL_FOCUS));

        assertEquals(List.of(), check(sources));
    }

    @Test
    void invariantWithAnUnknownFieldIsReportedAtItsLine() {
        RuleProblem problem = single(RealRulesFolder.edit(RealRules.get().sources(), "invariants/policy-invariants.csv",
                "never cluster=MARGINAL and action=PRIORITY_LANE", "never segment=MARGINAL and action=PRIORITY_LANE"));

        assertEquals(new RuleProblem("invariants/policy-invariants.csv", null, 6, "rule", problem.message()), problem);
        assertTrue(problem.message().startsWith("'segment=MARGINAL' is not field=value"), problem.message());
    }

    /** The checks in the order publication runs them: the tables' cells first, then the generated clients. */
    private List<RuleProblem> checkAll(List<RuleSource> sources) {
        RuleBase candidate = ActiveRuleBase.compile(sources);
        List<RuleProblem> problems = new ArrayList<>(new TableCoverageCheck().check(candidate, candidate.sources()));
        problems.addAll(check.check(candidate, candidate.sources()));
        return problems;
    }

    private RuleProblem single(List<RuleSource> sources) {
        List<RuleProblem> problems = check(sources);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private List<RuleProblem> check(List<RuleSource> sources) {
        RuleBase candidate = ActiveRuleBase.compile(sources);
        return check.check(candidate, candidate.sources());
    }
}
