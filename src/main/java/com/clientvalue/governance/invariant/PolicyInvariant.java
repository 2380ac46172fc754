package com.clientvalue.governance.invariant;

import com.clientvalue.decision.Outcome;
import com.clientvalue.decision.ProposedAction;

import com.clientvalue.rules.RuleCsv;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An invariant an analyst declared in rules/invariants/*.csv (columns id,description,rule), that
 * every publication must keep. Two forms of rule:
 * {@code exactly one cluster} (or lifecycle, potentialLevel, revenueLevel), and
 * {@code never cluster=MARGINAL and paid=false and granted=true} over the fields cluster,
 * lifecycle, experienceSegment, potentialLevel, revenueLevel, abcClass, paid, category, granted, action.
 */
record PolicyInvariant(String id, String description, String file, int line, String field, Map<String, String> never) {

    private static final Map<String, Function<Case, Object>> FIELDS = fields();
    private static final Set<String> EXACTLY_ONE = Set.of("cluster", "lifecycle", "potentialLevel", "revenueLevel");

    /** An evaluated input, as invariants see it. */
    record Case(BoundaryInputs.Input input, Outcome outcome) {
    }

    boolean isExactlyOne() {
        return field != null;
    }

    /** @return true when the case breaks the invariant */
    boolean brokenBy(Case c) {
        if (isExactlyOne()) {
            return FIELDS.get(field).apply(c) == null;
        }
        return never.entrySet().stream().allMatch(condition -> matches(FIELDS.get(condition.getKey()).apply(c), condition.getValue()));
    }

    private static boolean matches(Object actual, String expected) {
        if (actual instanceof List<?> codes) {
            return codes.contains(expected);
        }
        return actual != null && actual.toString().equalsIgnoreCase(expected);
    }

    static List<PolicyInvariant> parse(List<RuleSource> sources, List<RuleProblem> problems) {
        List<PolicyInvariant> invariants = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.kind() != RuleSource.Kind.INVARIANTS) {
                continue;
            }
            for (CSVRecord record : RuleCsv.read(source, List.of("id", "description", "rule"), problems)) {
                parseOne(source.path(), record, problems, invariants);
            }
        }
        return invariants;
    }

    private static void parseOne(String file, CSVRecord record, List<RuleProblem> problems, List<PolicyInvariant> invariants) {
        int line = RuleCsv.line(record);
        String rule = record.get("rule").trim();
        String lower = rule.toLowerCase(Locale.ROOT);
        if (lower.startsWith("exactly one ")) {
            String field = rule.substring("exactly one ".length()).trim();
            if (!EXACTLY_ONE.contains(field)) {
                problems.add(new RuleProblem(file, null, line, "rule", "'exactly one' applies to " + String.join(", ", EXACTLY_ONE)
                        + ", not '" + field + "'"));
                return;
            }
            invariants.add(new PolicyInvariant(record.get("id"), record.get("description"), file, line, field, Map.of()));
        } else if (lower.startsWith("never ")) {
            Map<String, String> conditions = new LinkedHashMap<>();
            for (String part : rule.substring("never ".length()).split("(?i)\\s+and\\s+")) {
                String[] fieldValue = part.split("=", 2);
                if (fieldValue.length != 2 || !FIELDS.containsKey(fieldValue[0].trim())) {
                    problems.add(new RuleProblem(file, null, line, "rule", "'" + part.trim() + "' is not field=value with a field among "
                            + String.join(", ", FIELDS.keySet())));
                    return;
                }
                conditions.put(fieldValue[0].trim(), fieldValue[1].trim());
            }
            invariants.add(new PolicyInvariant(record.get("id"), record.get("description"), file, line, null, conditions));
        } else {
            problems.add(new RuleProblem(file, null, line, "rule", "a rule starts with 'exactly one' or 'never'"));
        }
    }

    private static Map<String, Function<Case, Object>> fields() {
        Map<String, Function<Case, Object>> fields = new LinkedHashMap<>();
        fields.put("cluster", c -> c.outcome().cluster());
        fields.put("lifecycle", c -> c.outcome().lifecycle());
        fields.put("experienceSegment", c -> c.outcome().experienceSegment());
        fields.put("potentialLevel", c -> c.outcome().potentialLevel());
        fields.put("revenueLevel", c -> c.outcome().revenueLevel());
        fields.put("abcClass", c -> c.input().facts().abcClass());
        fields.put("paid", c -> c.input().request() == null ? null : c.input().request().paid());
        fields.put("category", c -> c.input().request() == null ? null : c.input().request().category());
        fields.put("granted", c -> c.outcome().serviceAnswer() == null ? null : c.outcome().serviceAnswer().granted());
        fields.put("action", c -> c.outcome().actions().stream().map(ProposedAction::code).filter(Objects::nonNull).toList());
        return fields;
    }
}
