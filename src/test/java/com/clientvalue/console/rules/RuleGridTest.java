package com.clientvalue.console.rules;

import com.clientvalue.RealRulesFolder;
import com.clientvalue.rules.RuleSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid reads the real rule files as an analyst lays them out, and writes back exactly what it read. */
class RuleGridTest {

    @Test
    void everyCsvFileOfTheRulesFolderIsWrittenBackByteForByte() throws IOException {
        try (Stream<Path> files = Files.walk(RealRulesFolder.PATH)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String text = Files.readString(file);
                RuleGrid grid = RuleGrid.of(new RuleSource(RealRulesFolder.PATH.relativize(file).toString(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                List<List<String>> rows = grid.lines().stream().map(RuleGrid.Line::cells).toList();
                assertEquals(text, new String(RuleGrid.write(rows, grid.lines()), java.nio.charset.StandardCharsets.UTF_8),
                        file.toString());
            }
        }
    }

    @Test
    void thePotentialTableShowsItsRulesAndFoldsItsTechnicalRows() throws IOException {
        RuleGrid grid = RuleGrid.of(source("clusters/potential-level.csv"));
        assertTrue(grid.decisionTable());
        List<String> rules = grid.lines().stream().filter(l -> l.kind() == RuleGrid.Kind.RULE).map(l -> l.cells().get(0)).toList();
        assertEquals(List.of("POT-HIGH", "POT-LOW", "POT-UNRATED"), rules);
        assertEquals(10, grid.lines().stream().filter(l -> l.cells().get(0).equals("POT-HIGH")).findFirst().orElseThrow().number());
        assertEquals(RuleGrid.Kind.TITLE, grid.lines().get(8).kind(), "row 9 names the columns");
        assertTrue(grid.lines().subList(0, 8).stream().allMatch(l -> l.kind() == RuleGrid.Kind.TECHNICAL),
                "RuleSet, Import, Notes, RuleTable, kinds, object types and code are technical");
        assertEquals("C · Potential at least", grid.header(2));
        assertEquals(2, grid.columnOf("C (Potential at least)"));
    }

    @Test
    void aScenarioListIsHeadedByItsFirstLineAndFindsColumnsByName() throws IOException {
        RuleGrid grid = RuleGrid.of(source("tests/clusters.csv"));
        assertEquals(RuleGrid.Kind.TITLE, grid.lines().get(0).kind());
        assertTrue(grid.lines().subList(1, grid.lines().size()).stream().allMatch(l -> l.kind() == RuleGrid.Kind.RULE));
        int expect = grid.columnOf("expect cluster");
        assertTrue(expect > 0, "the column of a scenario problem is found by its name");
    }

    @Test
    void aCellWithACommaOrAQuoteIsQuotedAndNoOtherIs() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\n", new String(RuleGrid.write(List.of(List.of("a", "b,c", "say \"hi\"", ""))),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static RuleSource source(String path) throws IOException {
        return new RuleSource(path, Files.readAllBytes(RealRulesFolder.PATH.resolve(path)));
    }
}
