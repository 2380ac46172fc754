package com.clientvalue.rules;

import com.clientvalue.AnalystEdits;
import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.clientvalue.rules.RuleGovernanceIntegrationTest.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a business analyst gets back from POST /api/rules/validate when a table is wrong, or saved
 * in another format: the cell and the cause in words, each cause once and first.
 */
@MicronautTest(transactional = false)
class AnalystProblemsIntegrationTest extends HttpIntegrationTest {
    @Inject
    ActiveRuleBase active;

    @Test
    void misspelledValuesComeBackAtTheirCellWithTheValuesAllowed() {
        byte[] candidate = RuleZip.ofRealFolder()
                .replace("clusters/cluster-classification.csv", "a key client,HIGH,HIGH,KEY", "a key client,HIHG,HIGH,KEY")
                .replace("policies/service-entitlement.csv", "no exceptions\",MARGINAL", "no exceptions\",MARGNAL")
                .replace("policies/segment-actions.csv", "our management,KEY", "our management,key")
                .bytes();

        Api.Problem problem = api().problem(zip("/api/rules/validate", candidate));

        assertEquals(422, problem.status());
        assertEquals("application/problem+json", problem.contentType());
        assertEquals(List.of(
                problem("clusters/cluster-classification.csv", "Cluster classification", 10, "C (Potential level)",
                        "'HIHG' is not a potential level; use HIGH or LOW"),
                problem("policies/segment-actions.csv", "Segment actions", 11, "C (Cluster)",
                        "'key' is not a cluster; use KEY, DEVELOP, MAINTAIN or MARGINAL (in capitals: KEY)"),
                problem("policies/service-entitlement.csv", "Service entitlement", 11, "C (Cluster)",
                        "'MARGNAL' is not a cluster; use KEY, DEVELOP, MAINTAIN or MARGINAL")), problems(problem));
    }

    @Test
    void aReasonThatQuotesNoFactComesBackAtItsCellWithTheNamesItMayQuote() {
        byte[] candidate = RuleZip.ofRealFolder()
                .replace("clusters/cluster-classification.csv", "Potential {potential} ({potentialLevel}) and revenue class {abcClass} "
                        + "({revenueLevel}): a key client", "Potential {potentail} and revenue class {abcClass}: a key client")
                .replace("clusters/revenue-level.csv", "Classe di fatturato {abcClass}: un fatturato alto", "Classe {abcClass: alto")
                .replace("clusters/potential-level.csv", "è alto,yes", "è alto,si")
                .bytes();

        List<Map<String, Object>> problems = problems(api().problem(zip("/api/rules/validate", candidate)));

        assertEquals(3, problems.size(), problems.toString());
        Map<String, Object> misspelled = problems.stream().filter(p -> "clusters/cluster-classification.csv".equals(p.get("file")))
                .findFirst().orElseThrow();
        assertEquals("Cluster classification", misspelled.get("table"));
        assertEquals(10, misspelled.get("row"));
        assertEquals("F (Reason (English))", misspelled.get("column"));
        assertTrue(String.valueOf(misspelled.get("message")).startsWith("{potentail} names no fact or outcome: a reason may quote "
                + "clientId, asOf, name, country, sector, companyType, employees, potential, revenue12m,"), misspelled.toString());
        assertTrue(String.valueOf(misspelled.get("message")).endsWith("cluster, potentialLevel, revenueLevel, lifecycle, "
                + "experienceSegment, service, category, paid, discountPercent, freeServicesGranted12m (rules/README.md, Explanations)"),
                misspelled.toString());
        assertEquals(problem("clusters/potential-level.csv", "Potential level", 10, "J (Technical (yes: left out of the short explanation))",
                "'si' in the technical column: write yes (a weight or an intermediate level, left out of the short explanation) "
                        + "or leave it empty"), problems.stream().filter(p -> "clusters/potential-level.csv".equals(p.get("file")))
                .findFirst().orElseThrow());
        assertEquals(problem("clusters/revenue-level.csv", "Revenue level", 10, "F (Reason (Italian))",
                "a { without its } (or the other way round): a placeholder is a name between braces, e.g. {potential}"),
                problems.stream().filter(p -> "clusters/revenue-level.csv".equals(p.get("file"))).findFirst().orElseThrow());
    }

    @Test
    void aNameThatQuotesNoFactComesBackAtItsCell() {
        byte[] candidate = RuleZip.ofRealFolder().replace("policies/segment-actions.csv", "our management,KEY",
                "our management (potential {potental}),KEY").bytes();

        List<Map<String, Object>> problems = problems(api().problem(zip("/api/rules/validate", candidate)));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("policies/segment-actions.csv", problems.get(0).get("file"));
        assertEquals(11, problems.get(0).get("row"));
        assertEquals("B (What the rule says)", problems.get(0).get("column"));
        assertTrue(String.valueOf(problems.get(0).get("message")).startsWith("{potental} names no fact or outcome"), problems.toString());

        // a DRL rule's name the same, at its file and line
        byte[] drl = RuleZip.ofRealFolder().replace("assessment/assessment-score.drl", "rule \"The latest assessment is scored",
                "rule \"The latest assessment ({daysSinceAsessment} days old) is scored").bytes();
        List<Map<String, Object>> inDrl = problems(api().problem(zip("/api/rules/validate", drl)));
        assertEquals(1, inDrl.size(), inDrl.toString());
        assertEquals("assessment/assessment-score.drl", inDrl.get(0).get("file"));
        assertTrue(String.valueOf(inDrl.get(0).get("message")).startsWith("the name of rule ASM-SCORE: {daysSinceAsessment} names no fact"),
                inDrl.toString());
    }

    @Test
    void aGapInThePotentialTableComesBackFirstAtTheTableWithTheRangeNoRowCovers() {
        byte[] candidate = RuleZip.ofRealFolder().replace("clusters/potential-level.csv",
                "POT-LOW,A potential rated below 60 is low,,60", "POT-LOW,A potential rated below 60 is low,,50").bytes();

        List<Map<String, Object>> problems = problems(api().problem(zip("/api/rules/validate", candidate)));

        assertEquals(problem("clusters/potential-level.csv", "Potential level", null, null, "no row covers potential from 50 to 59: "
                + "such a client gets no potential level; add a row for it or widen a neighbouring row"), problems.get(0));
        // then the invariant that caught it, and one line per scenario file it breaks (it was 28 problems, the cause last)
        assertTrue(problems.size() <= 5, problems.toString());
        assertTrue(problems.stream().anyMatch(p -> String.valueOf(p.get("message")).startsWith("invariant INV-ONE-CLUSTER")),
                problems.toString());
    }

    @Test
    void anOverlapComesBackOnceAtItsRows() {
        byte[] candidate = RuleZip.ofRealFolder().replace("clusters/potential-level.csv",
                "POT-LOW,A potential rated below 60 is low,,60", "POT-LOW,A potential rated below 60 is low,,70").bytes();

        List<Map<String, Object>> problems = problems(api().problem(zip("/api/rules/validate", candidate)));

        assertEquals(problem("clusters/potential-level.csv", "Potential level", 11, null, "rows 10 (POT-HIGH) and 11 (POT-LOW) "
                + "both apply to potential from 60 to 69: such a client gets two potential levels; make the rows' conditions "
                + "exclude each other"), problems.get(0));
        assertFalse(problems.stream().anyMatch(p -> String.valueOf(p.get("message")).contains("more than one")), problems.toString());
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void everyTableSavedAsXlsxBySpreadsheetProgramValidatesToTheSameRules() {
        RuleZip candidate = RuleZip.ofRealFolder();
        for (RuleSource source : active.current().sources()) {
            if (source.kind() == RuleSource.Kind.CSV_TABLE) {
                candidate.remove(source.path()).add(SpreadsheetCopy.xlsxPath(source.path()), SpreadsheetCopy.xlsx(source.text()));
            }
        }

        Map<String, Object> report = api().read(http.toBlocking().retrieve(zip("/api/rules/validate", candidate.bytes())));

        assertEquals(List.of(), report.get("problems"));
        assertEquals(true, report.get("valid"));
        assertEquals(active.current().rules().size(), report.get("rules"));
        assertNotEquals(active.current().version(), report.get("version"));
    }

    @Test
    void rowsOnCountrySectorAndOrderRhythmAreNotReportedDead() {
        byte[] candidate = RuleZip.ofRealFolder().add(AnalystEdits.LOCAL_FOCUS_PATH, AnalystEdits.LOCAL_FOCUS).bytes();

        Map<String, Object> report = api().read(http.toBlocking().retrieve(zip("/api/rules/validate", candidate)));

        assertEquals(List.of(), report.get("problems"));
        assertEquals(active.current().rules().size() + 3, report.get("rules"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Api.Problem problem) {
        return ((List<Map<String, Object>>) problem.body().get("problems")).stream().map(p -> {
            Map<String, Object> located = new LinkedHashMap<>(problem(null, null, null, null, null));
            located.putAll(p);
            return located;
        }).toList();
    }

    private static Map<String, Object> problem(String file, String table, Integer row, String column, String message) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("file", file);
        problem.put("table", table);
        problem.put("row", row);
        problem.put("column", column);
        problem.put("message", message);
        return problem;
    }
}
