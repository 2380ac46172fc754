package com.clientvalue.governance.scenario;

import com.clientvalue.decision.AssessmentResult;
import com.clientvalue.decision.Band;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.ExperienceSegment;
import com.clientvalue.decision.ExplanationLine;
import com.clientvalue.decision.Explanations;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.Outcome;
import com.clientvalue.decision.ProposedAction;
import com.clientvalue.decision.ServiceAnswer;

import com.clientvalue.rules.ActionDefinition;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.clientvalue.governance.scenario.ScenarioCells.oneOf;
import static com.clientvalue.governance.scenario.ScenarioColumn.*;

/**
 * What one filled "expect ..." cell says the rules must decide, and the sentence that tells the
 * analyst how the evaluation differed. An empty cell expects nothing.
 */
sealed interface ScenarioExpectation {

    ScenarioColumn column();

    /** @return how the evaluation differs from the expectation, empty when it matches */
    Optional<String> mismatch(Evaluation evaluation);

    /** One of cluster, lifecycle or experience segment; null expects "no value". */
    record Value(ScenarioColumn column, String what, Enum<?> expected, Function<Outcome, Enum<?>> actual)
            implements ScenarioExpectation {
        public Optional<String> mismatch(Evaluation evaluation) {
            Enum<?> got = actual.apply(evaluation.outcome());
            return Objects.equals(expected, got) ? Optional.empty()
                    : Optional.of("expected " + what + " " + name(expected) + ", got " + name(got) + " " + fired(evaluation));
        }

        private static String name(Enum<?> value) {
            return value == null ? ScenarioCells.NONE : value.name();
        }
    }

    /** The cell of the risk / opportunity / volume matrix, as the matrix table names it; null expects none. */
    record Position(String expected) implements ScenarioExpectation {
        public ScenarioColumn column() {
            return EXPECT_POSITION;
        }

        public Optional<String> mismatch(Evaluation evaluation) {
            AssessmentResult assessment = evaluation.outcome().assessment();
            String got = assessment == null ? null : assessment.position();
            return Objects.equals(expected, got) ? Optional.empty() : Optional.of("expected position "
                    + (expected == null ? ScenarioCells.NONE : expected) + ", got " + (got == null ? ScenarioCells.NONE : got)
                    + " " + fired(evaluation));
        }
    }

    /** Exactly these action codes, in any order; a code proposed by two rules counts once. */
    record Actions(Set<String> expected) implements ScenarioExpectation {
        public ScenarioColumn column() {
            return EXPECT_ACTIONS;
        }

        public Optional<String> mismatch(Evaluation evaluation) {
            List<ProposedAction> proposed = evaluation.outcome().actions();
            Set<String> got = proposed.stream().map(ProposedAction::code).collect(Collectors.toCollection(TreeSet::new));
            if (got.equals(expected)) {
                return Optional.empty();
            }
            List<String> differences = new ArrayList<>();
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(got);
            if (!missing.isEmpty()) {
                differences.add("missing: " + String.join(" ", missing));
            }
            List<String> unexpected = proposed.stream().filter(a -> !expected.contains(a.code()))
                    .map(a -> a.code() + " from " + a.ruleId()).sorted().distinct().toList();
            if (!unexpected.isEmpty()) {
                differences.add("not expected: " + String.join(", ", unexpected));
            }
            return Optional.of("expected actions " + codes(expected) + ", got " + codes(got) + " ("
                    + String.join("; ", differences) + ")");
        }
    }

    /** Exactly these descriptive categories, in any order. */
    record Categories(Set<String> expected) implements ScenarioExpectation {
        public ScenarioColumn column() {
            return EXPECT_CATEGORIES;
        }

        public Optional<String> mismatch(Evaluation evaluation) {
            Set<String> got = new TreeSet<>(evaluation.outcome().categories());
            return got.equals(expected) ? Optional.empty()
                    : Optional.of("expected categories " + codes(expected) + ", got " + codes(got) + " " + fired(evaluation));
        }
    }

    record Granted(boolean expected) implements ScenarioExpectation {
        public ScenarioColumn column() {
            return EXPECT_GRANTED;
        }

        public Optional<String> mismatch(Evaluation evaluation) {
            ServiceAnswer answer = evaluation.outcome().serviceAnswer();
            if (answer.granted() == expected) {
                return Optional.empty();
            }
            return Optional.of("expected granted " + expected + ", got " + answer.granted() + " ("
                    + (answer.ruleIds().isEmpty() ? "no rule applied, so it is refused"
                    : "rules that decided: " + String.join(", ", answer.ruleIds())) + ")");
        }
    }

    /** These rules must have fired; others may fire too. */
    record RulesFired(Set<String> expected) implements ScenarioExpectation {
        public ScenarioColumn column() {
            return EXPECT_RULES;
        }

        public Optional<String> mismatch(Evaluation evaluation) {
            Set<String> fired = evaluation.firedRules().stream().map(RuleDescriptor::ruleId).collect(Collectors.toSet());
            List<String> silent = expected.stream().filter(id -> !fired.contains(id)).toList();
            return silent.isEmpty() ? Optional.empty() : Optional.of("expected rules " + String.join(" ", expected)
                    + " to fire, but " + String.join(" ", silent) + " did not " + fired(evaluation));
        }
    }

    /** These sentences must be lines of the short explanation (in English), each exactly as answered. */
    record Explained(List<String> expected, ScenarioGivens.Inputs inputs, RuleBase candidate) implements ScenarioExpectation {
        public ScenarioColumn column() {
            return EXPECT_EXPLANATION;
        }

        public Optional<String> mismatch(Evaluation evaluation) {
            List<String> said = Explanations.of(evaluation.firedRules(), inputs.facts(), evaluation.outcome(), inputs.request(),
                    candidate, "en").lines().stream().map(ExplanationLine::text).toList();
            List<String> missing = expected.stream().filter(sentence -> !said.contains(sentence)).toList();
            return missing.isEmpty() ? Optional.empty() : Optional.of("expected the explanation to say '" + String.join("' and '", missing)
                    + "'; it says: " + (said.isEmpty() ? "nothing" : "'" + String.join("' | '", said) + "'"));
        }
    }

    /** Reads the row's filled expectation cells; what cannot be read is a problem of the row. */
    static List<ScenarioExpectation> read(ScenarioCells cells, RuleBase candidate, boolean serviceRequested,
                                          ScenarioGivens.Inputs inputs) {
        List<ScenarioExpectation> expectations = new ArrayList<>();
        if (!cells.isEmpty(EXPECT_CLUSTER)) {
            expectations.add(new Value(EXPECT_CLUSTER, "cluster",
                    cells.read(EXPECT_CLUSTER, null, true, oneOf(Cluster.class, "a cluster", true)), Outcome::cluster));
        }
        if (!cells.isEmpty(EXPECT_LIFECYCLE)) {
            expectations.add(new Value(EXPECT_LIFECYCLE, "lifecycle",
                    cells.read(EXPECT_LIFECYCLE, null, true, oneOf(Lifecycle.class, "a lifecycle state", true)),
                    Outcome::lifecycle));
        }
        if (!cells.isEmpty(EXPECT_EXPERIENCE)) {
            expectations.add(new Value(EXPECT_EXPERIENCE, "experience",
                    cells.read(EXPECT_EXPERIENCE, null, true, oneOf(ExperienceSegment.class, "an experience segment", true)),
                    Outcome::experienceSegment));
        }
        if (!cells.isEmpty(EXPECT_RISK_BAND)) {
            expectations.add(new Value(EXPECT_RISK_BAND, "risk band",
                    cells.read(EXPECT_RISK_BAND, null, true, oneOf(Band.class, "a band", true)),
                    outcome -> outcome.assessment() == null ? null : outcome.assessment().riskBand()));
        }
        if (!cells.isEmpty(EXPECT_OPPORTUNITY_BAND)) {
            expectations.add(new Value(EXPECT_OPPORTUNITY_BAND, "opportunity band",
                    cells.read(EXPECT_OPPORTUNITY_BAND, null, true, oneOf(Band.class, "a band", true)),
                    outcome -> outcome.assessment() == null ? null : outcome.assessment().opportunityBand()));
        }
        if (!cells.isEmpty(EXPECT_POSITION)) {
            expectations.add(new Position(cells.isNone(EXPECT_POSITION) ? null
                    : cells.raw(EXPECT_POSITION).trim().toUpperCase(Locale.ROOT)));
        }
        if (!cells.isEmpty(EXPECT_ACTIONS)) {
            expectations.add(new Actions(actionCodes(cells, candidate)));
        }
        if (!cells.isEmpty(EXPECT_CATEGORIES)) {
            expectations.add(new Categories(cells.isNone(EXPECT_CATEGORIES) ? Set.of()
                    : words(cells.raw(EXPECT_CATEGORIES)).stream().map(w -> w.toUpperCase(Locale.ROOT))
                    .collect(Collectors.toCollection(TreeSet::new))));
        }
        if (!cells.isEmpty(EXPECT_GRANTED)) {
            if (!serviceRequested) {
                cells.problem(EXPECT_GRANTED, "only a service request is granted or refused: fill the service column too");
            }
            expectations.add(new Granted(cells.read(EXPECT_GRANTED, false, false, ScenarioCells.trueOrFalse())));
        }
        if (!cells.isEmpty(EXPECT_EXPLANATION)) {
            // several sentences in one cell: separated by |
            expectations.add(new Explained(java.util.Arrays.stream(cells.raw(EXPECT_EXPLANATION).split("\\|")).map(String::trim)
                    .filter(sentence -> !sentence.isEmpty()).toList(), inputs, candidate));
        }
        if (!cells.isEmpty(EXPECT_RULES)) {
            expectations.add(new RulesFired(ruleIds(cells, candidate)));
        }
        return expectations;
    }

    private static Set<String> actionCodes(ScenarioCells cells, RuleBase candidate) {
        if (cells.isNone(EXPECT_ACTIONS)) {
            return Set.of();
        }
        Set<String> codes = new TreeSet<>();
        for (String code : words(cells.raw(EXPECT_ACTIONS))) {
            String upper = code.toUpperCase(Locale.ROOT);
            if (candidate.vocabulary().action(upper).isEmpty()) {
                cells.problem(EXPECT_ACTIONS, "'" + code + "' is not an action code of vocabulary/actions.csv; known codes: "
                        + candidate.vocabulary().actions().stream().map(ActionDefinition::code).collect(Collectors.joining(", ")));
            }
            codes.add(upper);
        }
        return codes;
    }

    private static Set<String> ruleIds(ScenarioCells cells, RuleBase candidate) {
        Set<String> known = candidate.rules().stream().map(RuleDescriptor::ruleId).collect(Collectors.toSet());
        Set<String> ids = new TreeSet<>();
        for (String id : words(cells.raw(EXPECT_RULES))) {
            if (!known.contains(id)) {
                cells.problem(EXPECT_RULES, "'" + id + "' is not a rule id of this rule set: copy it from the Rule id "
                        + "column of the tables (capitals matter)");
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<String> words(String cell) {
        return List.of(cell.trim().split("[\\s,]+"));
    }

    private static String codes(Collection<String> codes) {
        return codes.isEmpty() ? ScenarioCells.NONE : String.join(" ", codes);
    }

    private static String fired(Evaluation evaluation) {
        return "(rules that fired: " + (evaluation.firedRules().isEmpty() ? "none"
                : evaluation.firedRules().stream().map(RuleDescriptor::ruleId).collect(Collectors.joining(", "))) + ")";
    }
}
