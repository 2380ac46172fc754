package com.clientvalue.portfolio;

import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitiativeWeightsTest {
    private static final String HEADER = "lifecycle,initiative,weight,why\n";
    private static final String REST = "NEW,ACQUISITION,1,x\nACTIVE,DEVELOPMENT,1,x\nLOYAL,RETENTION,1,x\nINACTIVE,RECOVERY,1,x\nLOST,RECOVERY,1,x\n";

    @Test
    void everyProblemIsNamedAtItsLineAndColumn() {
        assertEquals(List.of(new RuleProblem(InitiativeWeights.FILE, null, 2, "initiative",
                "'WINNING' is not an initiative (ACQUISITION, RETENTION, DEVELOPMENT, RECOVERY)")), problems(HEADER + "PROSPECT,WINNING,1,x\n" + REST));
        assertEquals(List.of(new RuleProblem(InitiativeWeights.FILE, null, 2, "weight",
                "'-1' is not a weight: a number of 0 or more, with a point for decimals")), problems(HEADER + "PROSPECT,ACQUISITION,-1,x\n" + REST));
        assertEquals(List.of(new RuleProblem(InitiativeWeights.FILE, null, 2, "lifecycle",
                "'PROSPECTS' is not a lifecycle state (PROSPECT, NEW, ACTIVE, LOYAL, INACTIVE, LOST)")), problems(HEADER + "PROSPECTS,ACQUISITION,1,x\n" + REST));
        List<RuleProblem> missing = problems(HEADER + REST);
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).message().contains("no line for PROSPECT"), missing.toString());
        List<RuleProblem> twice = problems(HEADER + "PROSPECT,ACQUISITION,1,x\nPROSPECT,RETENTION,1,x\n" + REST);
        assertEquals(3, twice.get(0).row());
        assertTrue(twice.get(0).message().contains("listed twice"), twice.toString());
    }

    @Test
    void theRulesFolderFileIsValid() throws Exception {
        byte[] content = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("rules", InitiativeWeights.FILE));
        assertEquals(List.of(), problemsOf(content));
    }

    private static List<RuleProblem> problems(String text) {
        return problemsOf(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RuleProblem> problemsOf(byte[] content) {
        List<RuleProblem> problems = new ArrayList<>();
        InitiativeWeights.read(List.of(new RuleSource(InitiativeWeights.FILE, content)), problems);
        return problems;
    }
}
