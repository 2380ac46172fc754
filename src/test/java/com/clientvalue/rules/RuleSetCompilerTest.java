package com.clientvalue.rules;

import com.clientvalue.RealRulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken copies of the real rules folder must be refused with problems an analyst can locate. */
class RuleSetCompilerTest {
    private static final Path REAL = Path.of(System.getProperty("rules.dir", "rules"));
    private static final String CLUSTERS = "clusters/cluster-classification.csv";

    @Test
    void realRulesFolderCompilesWithUniqueIdsAndRows() {
        RuleBase rules = ActiveRuleBase.compileFolder(REAL);

        assertEquals(64, rules.version().length());
        assertEquals(rules.rules().size(), rules.rules().stream().map(RuleDescriptor::ruleId).distinct().count());
        assertTrue(rules.rules().contains(new RuleDescriptor("POT-UNRATED",
                "A client whose potential is not rated counts as low, and sales must rate it",
                "clusters/potential-level.csv", "Potential level", 12)));
    }

    @Test
    void versionChangesWithAnyEditAndOnlyThen() {
        List<RuleSource> sources = RuleFolder.read(REAL);
        String before = ActiveRuleBase.compile(sources).version();
        assertEquals(before, ActiveRuleBase.compile(RuleFolder.read(REAL)).version());

        List<RuleSource> edited = RealRulesFolder.edit(sources, CLUSTERS, "a marginal client", "a marginal client!");
        assertNotEquals(before, ActiveRuleBase.compile(edited).version());
    }

    @Test
    void misspelledColumnHeaderIsReportedWithRowAndColumn() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), CLUSTERS,
                "METADATA,NAME,CONDITION,CONDITION,ACTION", "METADATA,NAME,CONDITON,CONDITION,ACTION");

        RuleProblem problem = single(sources);

        assertEquals(new RuleProblem(CLUSTERS, "Cluster classification", 6, "C (Potential level)",
                problem.message()), problem);
        assertTrue(problem.message().contains("unknown column header 'CONDITON'"), problem.message());
    }

    @Test
    void typoInACellIsReportedAtItsTableRowNotAtAGeneratedDrlLine() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), CLUSTERS,
                "a client to maintain,LOW,HIGH,MAINTAIN", "a client to maintain,LOW,HIGH,MAINTIAN");

        RuleProblem problem = single(sources);

        assertEquals(CLUSTERS, problem.file());
        assertEquals("Cluster classification", problem.table());
        assertEquals(12, problem.row());
        assertEquals("E (Cluster)", problem.column());
        assertEquals("'MAINTIAN' is not a cluster; use KEY, DEVELOP, MAINTAIN or MARGINAL", problem.message());
    }

    @Test
    void unknownFactFieldInATableIsReportedAtTheTableRows() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), "clusters/revenue-level.csv",
                "abcClass == AbcClass.$param", "abcKlass == AbcClass.$param");

        // once, at the code row that names the field (it was once per rule row, at the generated rules)
        RuleProblem problem = single(sources);

        assertEquals(new RuleProblem("clusters/revenue-level.csv", "Revenue level", 8, "C (ABC class)", problem.message()), problem);
        assertTrue(problem.message().startsWith("'abcKlass' is not a fact of ClientFacts"), problem.message());
        assertTrue(problem.message().contains("abcClass, margin12m"), problem.message());
    }

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            clusters/cluster-classification.csv | Cluster classification | a key client,HIGH,HIGH,KEY | a key client,HIHG,HIGH,KEY | 10 | C (Potential level) | 'HIHG' is not a potential level; use HIGH or LOW
            policies/service-entitlement.csv | Service entitlement | no exceptions",MARGINAL | no exceptions",MARGNAL | 11 | C (Cluster) | 'MARGNAL' is not a cluster; use KEY, DEVELOP, MAINTAIN or MARGINAL
            policies/segment-actions.csv | Segment actions | our management,KEY | our management,key | 11 | C (Cluster) | 'key' is not a cluster; use KEY, DEVELOP, MAINTAIN or MARGINAL (in capitals: KEY)
            clusters/cluster-classification.csv | Cluster classification | a client to maintain,LOW,HIGH,MAINTAIN | a client to maintain,LOW,HIGH,MAINTIAN | 12 | E (Cluster) | 'MAINTIAN' is not a cluster; use KEY, DEVELOP, MAINTAIN or MARGINAL
            clusters/potential-level.csv | Potential level | is high,60 | is high,sixty | 10 | C (Potential at least) | 'sixty' is not a whole number: this column compares potential with a whole number, digits only (e.g. 60)
            policies/service-entitlement.csv | Service entitlement | DEVELOP,false,,,,2,,GRANTED | DEVELOP,no,,,,2,,GRANTED | 14 | D (Paid) | 'no' is not true or false: write true or false (in small letters)
            assessment/assessment-scoring.csv | Risk opportunity volume matrix | "HIGH","LOW, MEDIUM" | "HIGH","LOW, MEDUIM" | 40 | D (Opportunity band (any of)) | 'MEDUIM' is not an opportunity band; use LOW, MEDIUM or HIGH; several values are separated by commas
            lifecycle/lifecycle-state.csv | Lifecycle state | lifecycle,,180,,,INACTIVE | lifecycle,,180,,,INACTIV | 12 | I (Lifecycle) | 'INACTIV' is not a lifecycle state; use PROSPECT, NEW, ACTIVE, LOYAL, INACTIVE or LOST
            """)
    void aMisspelledCellIsReportedAtItsCellWithTheValuesAllowed(String file, String table, String from, String to, int row,
                                                                String column, String message) {
        RuleProblem problem = single(RealRulesFolder.edit(RuleFolder.read(REAL), file, from, to));

        assertEquals(new RuleProblem(file, table, row, column, message), problem);
    }

    @Test
    void spreadsheetTablesAreLoadedLikeCsvTables() throws IOException {
        List<RuleSource> sources = new ArrayList<>();
        for (RuleSource source : RuleFolder.read(REAL)) {
            sources.add(source.path().equals(CLUSTERS)
                    ? new RuleSource("clusters/cluster-classification.xlsx", xlsx(source.text())) : source);
        }

        RuleBase rules = ActiveRuleBase.compile(sources);

        assertTrue(rules.rules().contains(new RuleDescriptor("CLU-KEY", "High potential and high revenue: a key client",
                "clusters/cluster-classification.xlsx", "Cluster classification", 10)), rules.rules().toString());
    }

    private static byte[] xlsx(String csv) throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
             org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(csv, org.apache.commons.csv.CSVFormat.RFC4180)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("Tables");
            int r = 0;
            for (org.apache.commons.csv.CSVRecord record : parser) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    if (!record.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(record.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void rowWithoutRuleIdIsRefused() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), CLUSTERS, "CLU-DEVELOP,", ",");

        RuleProblem problem = single(sources);

        assertEquals(new RuleProblem(CLUSTERS, "Cluster classification", 11, "A (Rule id)",
                "the rule has no rule id: give it a stable id such as CLU-KEY"), problem);
    }

    @Test
    void duplicateRuleIdNamesBothPlaces() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), CLUSTERS, "CLU-DEVELOP,", "CLU-KEY,");

        RuleProblem problem = single(sources);

        assertEquals(11, problem.row());
        assertTrue(problem.message().contains("'CLU-KEY' is already used by " + CLUSTERS + " row 10"), problem.message());
    }

    @Test
    void tableWithoutNameColumnIsRefused() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), CLUSTERS,
                "METADATA,NAME,CONDITION,CONDITION,ACTION", "METADATA,DESCRIPTION,CONDITION,CONDITION,ACTION");

        RuleProblem problem = single(sources);

        assertTrue(problem.message().contains("no NAME column"), problem.message());
        assertEquals(6, problem.row());
    }

    @Test
    void drlRuleWithoutIdAndDrlSyntaxErrorsNameTheFileLine() {
        List<RuleSource> sources = new ArrayList<>(RuleFolder.read(REAL));
        sources.add(new RuleSource("extra/no-id.drl", """
                package extra;
                import com.clientvalue.client.ClientFacts;

                rule "Any client"
                when
                    ClientFacts()
                then
                end
                """.getBytes(StandardCharsets.UTF_8)));
        RuleProblem noId = single(sources);
        assertEquals(new RuleProblem("extra/no-id.drl", null, 4, null, noId.message()), noId);

        sources.set(sources.size() - 1, new RuleSource("extra/broken.drl", """
                package extra;
                import com.clientvalue.client.ClientFacts;

                rule "Broken" @ruleId("X-1")
                when
                    ClientFacts( potential >>= 3 )
                then
                end
                """.getBytes(StandardCharsets.UTF_8)));
        RuleProblem broken = single(sources);
        assertEquals("extra/broken.drl", broken.file());
        assertEquals(6, broken.row());
    }

    @Test
    void missingFolderIsAProblemNotACrash() {
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> ActiveRuleBase.compileFolder(Path.of("no/such/folder")));
        assertTrue(invalid.getMessage().contains("does not exist"), invalid.getMessage());
    }

    @Test
    void drlFileInTheFolderIsLoadedBesideTheTables() throws IOException {
        Path folder = RealRulesFolder.copy();
        Files.writeString(folder.resolve("clusters/extra.drl"), """
                package clusters;
                import com.clientvalue.client.ClientFacts;
                import com.clientvalue.decision.ActionProposal;

                rule "Big companies get a visit" @ruleId("EXTRA-VISIT")
                when
                    ClientFacts( employees != null, employees >= 250 )
                then
                    insert(new ActionProposal("ON_SITE_SERVICE"));
                end
                """);

        RuleBase rules = ActiveRuleBase.compileFolder(folder);

        assertTrue(rules.rules().contains(new RuleDescriptor("EXTRA-VISIT", "Big companies get a visit",
                "clusters/extra.drl", null, 5)));
    }

    @Test
    void actionCodeMissingFromTheVocabularyIsReportedAtItsRow() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), "policies/segment-actions.csv",
                "MARGINAL,SELF_SERVICE_CHANNELS", "MARGINAL,SELF_SERVICE");

        RuleProblem problem = single(sources);

        assertEquals("policies/segment-actions.csv", problem.file());
        assertEquals(22, problem.row());
        assertEquals("D (Action)", problem.column());
        assertTrue(problem.message().startsWith("unknown action code SELF_SERVICE"), problem.message());
    }

    @Test
    void vocabularyProblemsNameFileLineAndColumn() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), "vocabulary/services.csv",
                "PRIORITY_LANE,Order handled ahead of the queue,EXCEPTION", "PRIORITY_LANE,Order handled ahead of the queue,URGENT");

        RuleProblem problem = single(sources);

        assertEquals(new RuleProblem("vocabulary/services.csv", null, 8, "category", "'URGENT' must be STANDARD or EXCEPTION"),
                problem);
    }

    @Test
    void actionCostMustBeANumberOfZeroOrMore() {
        List<RuleSource> sources = RealRulesFolder.edit(RuleFolder.read(REAL), "vocabulary/actions.csv",
                "Make a win-back offer to a lost client that used to be valuable,Visit / phone,Key account manager,,3,200",
                "Make a win-back offer to a lost client that used to be valuable,Visit / phone,Key account manager,,3,200 EUR");

        RuleProblem problem = single(sources);

        assertEquals(new RuleProblem("vocabulary/actions.csv", null, 18, "cost_amount",
                "'200 EUR' must be a number of amount from 0 to 1000000 (a point for decimals, e.g. 1.5), or empty"), problem);
    }

    @Test
    void actionCostsAreReadWithTheVocabulary() {
        RuleBase rules = ActiveRuleBase.compile(RuleFolder.read(REAL));

        ActionDefinition winBack = rules.vocabulary().action("WIN_BACK_OFFER").orElseThrow();
        assertEquals(new java.math.BigDecimal("3"), winBack.costHours());
        assertEquals(new java.math.BigDecimal("200"), winBack.costAmount());
    }

    private static RuleProblem single(List<RuleSource> sources) {
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> ActiveRuleBase.compile(sources));
        assertEquals(1, invalid.problems().size(), invalid.getMessage());
        return invalid.problems().get(0);
    }
}
