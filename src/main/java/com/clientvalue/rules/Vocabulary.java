package com.clientvalue.rules;

import org.apache.commons.csv.CSVRecord;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The codes the rules may use, kept by analysts in rules/vocabulary/: actions (with description,
 * channel, owner, cadence, cost) and services (with category). Versioned with the rules.
 */
public final class Vocabulary {
    static final String ACTIONS = "vocabulary/actions.csv";
    static final String SERVICES = "vocabulary/services.csv";
    static final Set<String> SERVICE_CATEGORIES = Set.of("STANDARD", "EXCEPTION");
    private static final BigDecimal MAX_COST = BigDecimal.valueOf(1_000_000);
    private static final String CODE = "[A-Z][A-Z0-9_]{0,63}";

    private final Map<String, ActionDefinition> actions;
    private final Map<String, ServiceDefinition> services;

    private Vocabulary(Map<String, ActionDefinition> actions, Map<String, ServiceDefinition> services) {
        this.actions = Map.copyOf(actions);
        this.services = Map.copyOf(services);
    }

    public Optional<ActionDefinition> action(String code) {
        return Optional.ofNullable(actions.get(code));
    }

    public Optional<ServiceDefinition> service(String code) {
        return Optional.ofNullable(services.get(code));
    }

    public List<ActionDefinition> actions() {
        return actions.values().stream().sorted(java.util.Comparator.comparing(ActionDefinition::code)).toList();
    }

    public List<ServiceDefinition> services() {
        return services.values().stream().sorted(java.util.Comparator.comparing(ServiceDefinition::code)).toList();
    }

    static Vocabulary read(List<RuleSource> sources, List<RuleProblem> problems) {
        Map<String, ActionDefinition> actions = new LinkedHashMap<>();
        Map<String, ServiceDefinition> services = new LinkedHashMap<>();
        RuleSource actionFile = find(sources, ACTIONS, problems);
        RuleSource serviceFile = find(sources, SERVICES, problems);
        if (actionFile != null) {
            for (CSVRecord row : RuleCsv.read(actionFile, List.of("code", "description", "channel", "owner", "cadence_days",
                    "cost_hours", "cost_amount"), problems)) {
                String code = code(actionFile, row, actions.keySet(), problems);
                Integer cadence = cadence(actionFile, row, problems);
                BigDecimal hours = cost(actionFile, row, "cost_hours", "hours", problems);
                BigDecimal amount = cost(actionFile, row, "cost_amount", "amount", problems);
                if (code != null) {
                    actions.put(code, new ActionDefinition(code, required(actionFile, row, "description", problems),
                            blankToNull(row.get("channel")), blankToNull(row.get("owner")), cadence, hours, amount));
                }
            }
        }
        if (serviceFile != null) {
            for (CSVRecord row : RuleCsv.read(serviceFile, List.of("code", "description", "category"), problems)) {
                String code = code(serviceFile, row, services.keySet(), problems);
                String category = row.get("category").trim();
                if (!SERVICE_CATEGORIES.contains(category)) {
                    problems.add(problem(serviceFile, row, "category", "'" + category + "' must be STANDARD or EXCEPTION"));
                }
                if (code != null) {
                    services.put(code, new ServiceDefinition(code, required(serviceFile, row, "description", problems), category));
                }
            }
        }
        return new Vocabulary(actions, services);
    }

    private static RuleSource find(List<RuleSource> sources, String path, List<RuleProblem> problems) {
        RuleSource found = sources.stream().filter(s -> s.path().equals(path)).findFirst().orElse(null);
        if (found == null) {
            problems.add(new RuleProblem(path, null, null, null, "the vocabulary file is missing"));
        }
        return found;
    }

    private static String code(RuleSource source, CSVRecord row, Set<String> seen, List<RuleProblem> problems) {
        String code = row.get("code");
        if (!code.matches(CODE)) {
            problems.add(problem(source, row, "code", "'" + code + "' is not a code: use capitals, digits and _ (e.g. PRIORITY_LANE)"));
            return null;
        }
        if (seen.contains(code)) {
            problems.add(problem(source, row, "code", "the code " + code + " is defined twice"));
            return null;
        }
        return code;
    }

    private static Integer cadence(RuleSource source, CSVRecord row, List<RuleProblem> problems) {
        String value = row.get("cadence_days");
        if (value.isEmpty()) {
            return null;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(problem(source, row, "cadence_days", "'" + value + "' must be a whole number of days, 1 or more, or empty"));
        return null;
    }

    /** A cost of doing the action once: a number of 0 or more (a point for decimals), or empty when not known. */
    private static BigDecimal cost(RuleSource source, CSVRecord row, String column, String what, List<RuleProblem> problems) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal cost = new BigDecimal(value);
            if (cost.signum() >= 0 && cost.compareTo(MAX_COST) <= 0) {
                return cost.stripTrailingZeros().scale() < 0 ? cost.setScale(0) : cost.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(problem(source, row, column, "'" + value + "' must be a number of " + what + " from 0 to " + MAX_COST
                + " (a point for decimals, e.g. 1.5), or empty"));
        return null;
    }

    private static String required(RuleSource source, CSVRecord row, String column, List<RuleProblem> problems) {
        String value = row.get(column);
        if (value.isEmpty()) {
            problems.add(problem(source, row, column, "a value is required"));
        }
        return value;
    }

    private static RuleProblem problem(RuleSource source, CSVRecord row, String column, String message) {
        return new RuleProblem(source.path(), null, RuleCsv.line(row), column, message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
