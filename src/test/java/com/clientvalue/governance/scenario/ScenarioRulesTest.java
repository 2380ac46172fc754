package com.clientvalue.governance.scenario;

import com.clientvalue.decision.RealRules;
import com.clientvalue.governance.scenario.ScenarioCheck;
import com.clientvalue.governance.scenario.ScenarioColumn;

import com.clientvalue.rules.ActionDefinition;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import com.clientvalue.rules.ServiceDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysts' scenarios of rules/tests/ hold on the real rules and make every rule fire; a
 * broken scenario is reported at its file, line and column in words an analyst understands.
 */
class ScenarioRulesTest {
    private static final String BROKEN = "tests/broken.csv";
    private final ScenarioCheck check = new ScenarioCheck();

    @Test
    void everyScenarioOfTheRulesFolderHolds() {
        ScenarioCheck.Report report = check.run(RealRules.get(), RealRules.get().sources());

        assertEquals("", report.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        assertTrue(report.scenarios() >= 60, "scenarios evaluated: " + report.scenarios());
    }

    @Test
    void everyRuleOfTheRealRuleBaseIsFiredByAtLeastOneScenario() {
        ScenarioCheck.Report report = check.run(RealRules.get(), RealRules.get().sources());

        Set<String> neverFired = RealRules.get().rules().stream().map(RuleDescriptor::ruleId)
                .filter(id -> !report.firedRuleIds().contains(id)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), neverFired, "rules no scenario of rules/tests/ makes fire");
    }

    @Test
    void tableEditThatBreaksABoundaryIsReportedAtTheAnalystsScenario() {
        List<RuleSource> sources = RealRules.get().sources().stream().map(source -> source.path().equals("clusters/potential-level.csv")
                ? new RuleSource(source.path(), source.text().replace(",60,", ",65,").getBytes(StandardCharsets.UTF_8))
                : source).toList();

        List<RuleProblem> problems = check.check(ActiveRuleBase.compile(sources), sources);

        assertEquals(List.of("tests/clusters.csv line 2 expect cluster", "tests/clusters.csv line 2 expect rules",
                        "tests/clusters.csv line 5 expect cluster", "tests/clusters.csv line 5 expect rules"),
                problems.stream().map(p -> p.file() + " line " + p.row() + " " + p.column()).toList());
        assertTrue(problems.get(0).message().startsWith(
                "scenario 'potential 60 and class A make a key client': expected cluster KEY, got MAINTAIN (rules that fired: "),
                problems.get(0).message());
    }

    @Test
    void anExplanationThatNoLongerSaysWhatTheScenarioExpectsIsReportedAtItsCell() {
        List<RuleSource> sources = RealRules.get().sources().stream().map(source -> source.path().equals("clusters/cluster-classification.csv")
                ? new RuleSource(source.path(), source.text().replace("): a client to maintain,", "): a client we keep,")
                        .getBytes(StandardCharsets.UTF_8))
                : source).toList();

        List<RuleProblem> problems = check.check(ActiveRuleBase.compile(sources), sources);

        assertEquals(List.of("tests/clusters.csv line 4 expect explanation"),
                problems.stream().map(p -> p.file() + " line " + p.row() + " " + p.column()).toList());
        assertTrue(problems.get(0).message().startsWith("scenario 'potential 0 and class A make a client to maintain': expected the "
                + "explanation to say 'Potential 0 (LOW) but revenue class A (HIGH): a client to maintain'; it says: 'Potential 0 (LOW) "
                + "but revenue class A (HIGH): a client we keep' | '"), problems.get(0).message());
    }

    @Test
    void rowsThatGiveOneClientTwoClustersAreReportedAtTheScenarioThatShowsIt() {
        List<RuleSource> sources = RealRules.get().sources().stream().map(source -> source.path().equals("clusters/cluster-classification.csv")
                ? new RuleSource(source.path(), (source.text() + "CLU-TWICE,Low and low is also key,LOW,LOW,KEY\n").getBytes(StandardCharsets.UTF_8))
                : source).filter(source -> source.kind() != RuleSource.Kind.SCENARIOS).toList();
        List<RuleSource> withScenario = new ArrayList<>(sources);
        withScenario.add(new RuleSource(BROKEN, "scenario,expect cluster\nplain client,MARGINAL\n".getBytes(StandardCharsets.UTF_8)));

        List<RuleProblem> problems = check.check(ActiveRuleBase.compile(withScenario), withScenario);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(BROKEN + " 2 null", problems.get(0).file() + " " + problems.get(0).row() + " " + problems.get(0).column());
        assertTrue(problems.get(0).message().startsWith("scenario 'plain client': the rules cannot decide: ")
                && problems.get(0).message().contains("CLU-TWICE"), problems.get(0).message());
    }

    /**
     * "\n" in a file separates its lines; a message ending with "…" is compared up to there, and
     * {columns}, {actions}, {services} stand for the lists of allowed columns and codes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # what is wrong      | scenario file                                                                        | line | column         | message
            wrong expectation    | scenario,service,paid,expect granted\\nmarginal asks for free support,TECHNICAL_SUPPORT,false,true | 2 | expect granted | scenario 'marginal asks for free support': expected granted true, got false (rules that decided: SRV-MARGINAL-UNPAID)
            wrong actions        | scenario,potential,abcClass,expect actions\\nmaintain,20,A,GRANT_ALERTS PRACTICAL_ADVICE ASK_REFERRAL | 2 | expect actions | scenario 'maintain': expected actions ASK_REFERRAL GRANT_ALERTS PRACTICAL_ADVICE, got GRANT_ALERTS PRACTICAL_ADVICE REGULATORY_NOTICES (missing: ASK_REFERRAL; not expected: REGULATORY_NOTICES from ACT-MAINTAIN-REGULATION)
            wrong cluster        | scenario,potential,abcClass,expect cluster\\nsixty is low,60,A,MAINTAIN           | 2    | expect cluster | scenario 'sixty is low': expected cluster MAINTAIN, got KEY (rules that fired: …
            rule that did not fire | scenario,potential,expect rules\\nkey,80,CLU-KEY POT-HIGH                        | 2    | expect rules   | scenario 'key': expected rules CLU-KEY POT-HIGH to fire, but CLU-KEY did not (rules that fired: …
            line after a multi-line cell | scenario,notes,potential,expect cluster\\na,"two\\nlines",60,DEVELOP\\nb,,59,DEVELOP | 4 | expect cluster | scenario 'b': expected cluster DEVELOP, got MARGINAL …
            unknown column       | scenario,potentail,expect cluster\\nlow,59,MARGINAL                              | 1    | potentail      | unknown column 'potentail' (did you mean 'potential'?); the columns are: {columns}
            semicolons           | scenario;potential;expect cluster\\nlow;59;MARGINAL                              | 1    | scenario;potential;expect cluster | unknown column 'scenario;potential;expect cluster' (the file seems to use ';' between cells: save it with ',' as separator); the columns are: {columns}
            column twice         | scenario,potential,Potential,expect cluster\\nlow,59,59,MARGINAL                 | 1    | Potential      | the column 'potential' appears twice
            no scenario column   | potential,expect cluster\\n59,MARGINAL                                           | 1    |                | the column 'scenario' is missing: every scenario needs a name
            bad number           | scenario,potential,expect cluster\\nrated high,sixty,KEY                         | 2    | potential      | scenario 'rated high': 'sixty' is not a whole number
            number out of range  | scenario,potential,expect cluster\\nrated high,120,KEY                           | 2    | potential      | scenario 'rated high': '120' must be between 0 and 100
            bad decimal          | scenario,service,discountPercent,expect granted\\nsmall discount,TRAINING,5%,false | 2  | discountPercent | scenario 'small discount': '5%' is not a number: write it with a decimal point, e.g. 5.01
            unknown cluster      | scenario,potential,abcClass,expect cluster\\nkey,80,A,KEYY                       | 2    | expect cluster | scenario 'key': 'KEYY' is not a cluster: use KEY, DEVELOP, MAINTAIN, MARGINAL or none
            unknown ABC class    | scenario,abcClass,expect cluster\\nclass D,D,MARGINAL                            | 2    | abcClass       | scenario 'class D': 'D' is not an ABC class: use A, B or C
            none where not possible | scenario,abcClass,expect cluster\\nno class,none,MARGINAL                     | 2    | abcClass       | scenario 'no class': 'none' is not possible here: give a value, or leave the cell empty for the default
            not true or false    | scenario,service,paid,expect granted\\nfree,TRAINING,no,false                    | 2    | paid           | scenario 'free': 'no' must be true or false
            bad date             | scenario,asOf,expect cluster\\nlater,10/12/2011,MARGINAL                         | 2    | asOf           | scenario 'later': '10/12/2011' is not a date: write it as year-month-day, e.g. 2011-12-10
            unknown action code  | scenario,potential,abcClass,expect actions\\nmaintain,20,A,GRANT_ALERTS SELF_SERVICE | 2 | expect actions | scenario 'maintain': 'SELF_SERVICE' is not an action code of vocabulary/actions.csv; known codes: {actions}
            unknown service      | scenario,service,paid,expect granted\\nlunch,FREE_LUNCH,false,false              | 2    | service        | scenario 'lunch': 'FREE_LUNCH' is not a service code of vocabulary/services.csv; known codes: {services}
            unknown rule id      | scenario,potential,expect rules\\nkey,80,CLU-KEYY                                | 2    | expect rules   | scenario 'key': 'CLU-KEYY' is not a rule id of this rule set: copy it from the Rule id column of the tables (capitals matter)
            duplicate name       | scenario,potential,expect cluster\\nlow,59,MARGINAL\\nlow,20,MARGINAL            | 3    | scenario       | scenario 'low': the name is already used on line 2: give each scenario its own name, so a failure points to one line
            missing name         | scenario,potential,expect cluster\\n,59,MARGINAL                                 | 2    | scenario       | every scenario needs a name: say in a few words what it checks
            no expectation       | scenario,potential,expect cluster\\nlow,59,                                      | 2    |                | scenario 'low': the scenario checks nothing: fill at least one 'expect ...' column
            granted without request | scenario,potential,expect granted\\nlow,59,true                               | 2    | expect granted | scenario 'low': only a service request is granted or refused: fill the service column too
            request detail without service | scenario,paid,expect cluster\\nlow,false,MARGINAL                      | 2    | paid           | scenario 'low': paid describes a service request: fill the service column too
            half a survey        | scenario,latestExpectation,expect experience\\nhalf,4,DEVOTED                    | 2    | latestExperience | scenario 'half': a survey has both scores: give latestExpectation and latestExperience, or neither
            first order after last | scenario,daysSinceLastOrder,daysSinceFirstOrder,expect lifecycle\\nodd,40,30,ACTIVE | 2 | daysSinceFirstOrder | scenario 'odd': the first order (30 days ago) cannot be after the last one (40 days ago)
            orders without ever ordering | scenario,daysSinceLastOrder,orders12m,expect lifecycle\\nodd,none,2,PROSPECT | 2 | orders12m   | scenario 'odd': a client that never ordered (daysSinceLastOrder none) has no orders
            value without a column | scenario,expect cluster\\nlow,MARGINAL,59                                      | 2    |                | scenario 'low': '59' is in cell 3, a column without a name: name the column in the first line or remove the value
            no scenario rows     | scenario,potential,expect cluster\\n\\n                                          |      |                | the file has no scenarios: add one line per scenario below the header line
            unclosed quote       | scenario,expect cluster\\n"low,MARGINAL                                          | 2    |                | a quote (\") opened on this line is never closed: close it, or remove it
            stray quote          | scenario,expect cluster\\nlow,"MARGINAL"x                                        | 2    |                | a cell on this line goes on after its closing quote (\"): put the whole cell in quotes, or remove them
            """)
    void brokenScenarioIsReportedAtItsLineAndColumn(String what, String file, Integer line, String column, String message) {
        List<RuleProblem> problems = check.check(RealRules.get(), withOnlyScenarios(BROKEN, file.replace("\\n", "\n")));

        assertEquals(1, problems.size(), problems.toString());
        RuleProblem problem = problems.get(0);
        assertEquals(BROKEN, problem.file());
        assertEquals(line, problem.row());
        assertEquals(column, problem.column());
        String expected = expand(message);
        if (expected.endsWith("…")) {
            assertTrue(problem.message().startsWith(expected.substring(0, expected.length() - 1)), problem.message());
        } else {
            assertEquals(expected, problem.message());
        }
    }

    @Test
    void scenariosSavedAsSpreadsheetAreAskedForAsCsv() {
        List<RuleProblem> problems = check.check(RealRules.get(), withOnlyScenarios("tests/clusters.xlsx", "not read"));

        assertEquals(List.of(new RuleProblem("tests/clusters.xlsx", null, null, null,
                "scenarios are read from .csv files only: save this file as CSV (comma separated)")), problems);
    }

    @Test
    void emptyCellsGiveTheDocumentedDefaults() {
        List<RuleProblem> problems = check.check(RealRules.get(), withOnlyScenarios(BROKEN, """
                scenario,expect cluster,expect lifecycle,expect experience,expect actions
                a plain active class B client rated 50,MARGINAL,ACTIVE,none,STANDARD_PROCEDURE SELF_SERVICE_CHANNELS
                """));

        assertEquals(List.of(), problems);
    }

    private static List<RuleSource> withOnlyScenarios(String path, String text) {
        List<RuleSource> sources = new ArrayList<>(RealRules.get().sources().stream()
                .filter(source -> source.kind() != RuleSource.Kind.SCENARIOS).toList());
        sources.add(new RuleSource(path, text.getBytes(StandardCharsets.UTF_8)));
        return sources;
    }

    private static String expand(String message) {
        RuleBase rules = RealRules.get();
        return message.replace("{columns}", ScenarioColumn.allowed())
                .replace("{actions}", rules.vocabulary().actions().stream().map(ActionDefinition::code).collect(Collectors.joining(", ")))
                .replace("{services}", rules.vocabulary().services().stream().map(ServiceDefinition::code).collect(Collectors.joining(", ")));
    }
}
