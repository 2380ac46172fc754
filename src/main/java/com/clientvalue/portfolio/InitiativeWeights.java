package com.clientvalue.portfolio;

import com.clientvalue.decision.Lifecycle;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleCsv;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSetCheck;
import com.clientvalue.rules.RuleSource;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVRecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * rules/budget/initiative-weights.csv (lifecycle,initiative,weight,why): what each lifecycle state's
 * share of a segment's budget is spent on (ACQUISITION of new clients; RETENTION, DEVELOPMENT or
 * RECOVERY of existing ones) and how much effort one client in that state is worth within its segment.
 * Versioned with the rules and checked before every publication.
 */
@Singleton
public class InitiativeWeights implements RuleSetCheck {
    static final String FILE = "budget/initiative-weights.csv";

    /** Where the money goes: to new clients (ACQUISITION) or to the ones we have. */
    public enum Initiative { ACQUISITION, RETENTION, DEVELOPMENT, RECOVERY }

    /** One lifecycle state's initiative and weight. */
    record Weight(Initiative initiative, BigDecimal weight) {
    }

    @Override
    public String name() {
        return "the budget's initiative weights";
    }

    @Override
    public String step() {
        return "initiatives";
    }

    @Override
    public List<RuleProblem> check(RuleBase candidate, List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        read(sources, problems);
        return problems;
    }

    Map<Lifecycle, Weight> of(RuleBase ruleBase) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<Lifecycle, Weight> weights = read(ruleBase.sources(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("initiative weights of the active version are invalid: " + problems);
        }
        return weights;
    }

    static Map<Lifecycle, Weight> read(List<RuleSource> sources, List<RuleProblem> problems) {
        Map<Lifecycle, Weight> weights = new EnumMap<>(Lifecycle.class);
        RuleSource file = sources.stream().filter(s -> s.path().equals(FILE)).findFirst().orElse(null);
        if (file == null) {
            problems.add(new RuleProblem(FILE, null, null, null, "the initiative weights file is missing"));
            return weights;
        }
        for (CSVRecord record : RuleCsv.read(file, List.of("lifecycle", "initiative", "weight", "why"), problems)) {
            int line = RuleCsv.line(record);
            Lifecycle lifecycle;
            Initiative initiative;
            try {
                lifecycle = Lifecycle.valueOf(record.get("lifecycle"));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(FILE, null, line, "lifecycle", "'" + record.get("lifecycle")
                        + "' is not a lifecycle state (PROSPECT, NEW, ACTIVE, LOYAL, INACTIVE, LOST)"));
                continue;
            }
            try {
                initiative = Initiative.valueOf(record.get("initiative"));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(FILE, null, line, "initiative", "'" + record.get("initiative")
                        + "' is not an initiative (ACQUISITION, RETENTION, DEVELOPMENT, RECOVERY)"));
                continue;
            }
            BigDecimal weight;
            try {
                weight = new BigDecimal(record.get("weight"));
                if (weight.signum() < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new RuleProblem(FILE, null, line, "weight", "'" + record.get("weight")
                        + "' is not a weight: a number of 0 or more, with a point for decimals"));
                continue;
            }
            if (weights.put(lifecycle, new Weight(initiative, weight)) != null) {
                problems.add(new RuleProblem(FILE, null, line, "lifecycle", lifecycle + " is listed twice: give each state one line"));
            }
        }
        for (Lifecycle lifecycle : Lifecycle.values()) {
            if (!weights.containsKey(lifecycle) && problems.isEmpty()) {
                problems.add(new RuleProblem(FILE, null, null, null, "no line for " + lifecycle + ": give every lifecycle state one"));
            }
        }
        return weights;
    }
}
