package com.clientvalue.portfolio;

import com.clientvalue.decision.Cluster;
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
 * The commercial budget weights of rules/budget/segment-weights.csv (cluster,weight,why): how much
 * effort one client of each cluster is worth relative to the others. Versioned with the rules, and
 * checked before every publication.
 */
@Singleton
public class BudgetWeights implements RuleSetCheck {
    static final String FILE = "budget/segment-weights.csv";

    @Override
    public String name() {
        return "the budget weights";
    }

    @Override
    public String step() {
        return "budget";
    }

    @Override
    public List<RuleProblem> check(RuleBase candidate, List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        read(sources, problems);
        return problems;
    }

    Map<Cluster, BigDecimal> of(RuleBase ruleBase) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<Cluster, BigDecimal> weights = read(ruleBase.sources(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("budget weights of the active version are invalid: " + problems);
        }
        return weights;
    }

    static Map<Cluster, BigDecimal> read(List<RuleSource> sources, List<RuleProblem> problems) {
        Map<Cluster, BigDecimal> weights = new EnumMap<>(Cluster.class);
        RuleSource file = sources.stream().filter(s -> s.path().equals(FILE)).findFirst().orElse(null);
        if (file == null) {
            problems.add(new RuleProblem(FILE, null, null, null, "the budget weights file is missing"));
            return weights;
        }
        for (CSVRecord record : RuleCsv.read(file, List.of("cluster", "weight", "why"), problems)) {
            int line = RuleCsv.line(record);
            Cluster cluster;
            try {
                cluster = Cluster.valueOf(record.get("cluster"));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(FILE, null, line, "cluster", "'" + record.get("cluster")
                        + "' is not a cluster (KEY, DEVELOP, MAINTAIN, MARGINAL)"));
                continue;
            }
            try {
                BigDecimal weight = new BigDecimal(record.get("weight"));
                if (weight.signum() < 0) {
                    throw new NumberFormatException();
                }
                if (weights.put(cluster, weight) != null) {
                    problems.add(new RuleProblem(FILE, null, line, "cluster", cluster + " has two weights"));
                }
            } catch (NumberFormatException e) {
                problems.add(new RuleProblem(FILE, null, line, "weight", "'" + record.get("weight") + "' must be a number, 0 or more"));
            }
        }
        for (Cluster cluster : Cluster.values()) {
            if (!weights.containsKey(cluster) && problems.isEmpty()) {
                problems.add(new RuleProblem(FILE, null, null, null, "no weight for " + cluster));
            }
        }
        return weights;
    }
}
