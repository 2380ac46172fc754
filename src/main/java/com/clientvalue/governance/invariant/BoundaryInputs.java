package com.clientvalue.governance.invariant;

import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.PreviousDecision;
import com.clientvalue.decision.ServiceRequest;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.Dimension;
import com.clientvalue.client.DimensionRating;
import com.clientvalue.rules.DecisionTable;
import com.clientvalue.rules.RuleBase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated inputs at the boundaries of a rule set's tables: for every number a condition compares
 * a field with, the values just below, at and just above it; for every text or value, each one
 * and one beyond them; "unknown" where a field may be empty. The constants are read from the
 * tables' condition cells, for every field of the input facts, and combined group by group so
 * that each table sees all its own combinations.
 */
final class BoundaryInputs {
    static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);
    private static final Pattern COMPARISON = Pattern.compile(
            "\\b(potential|orders12m|daysSinceLastOrder|daysSinceFirstOrder|silenceRatio|latestExpectation|latestExperience"
                    + "|complaints90d|discountPercent|freeServicesGranted12m|employees|daysSinceAssessment|revenue12m)\\s*(>=|<=|==|!=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)");

    /** One generated case, with a label that reads as its counter-example. */
    record Input(ClientFacts facts, PreviousDecision previous, ServiceRequest request, String label) {
    }

    /** The input facts whose fields generated clients vary; fields the groups below already cover are left to them. */
    private static final Set<Class<?>> INPUT_FACTS = Set.of(ClientFacts.class, ServiceRequest.class, PreviousDecision.class);
    private static final Set<String> GROUPED = Set.of("ClientFacts.potential", "ClientFacts.abcClass",
            "ClientFacts.daysSinceLastOrder", "ClientFacts.daysSinceFirstOrder", "ClientFacts.orders12m",
            "ClientFacts.silenceRatio", "ClientFacts.latestExpectation", "ClientFacts.latestExperience",
            "ClientFacts.complaints90d", "ClientFacts.employees", "ClientFacts.daysSinceAssessment", "ClientFacts.revenue12m",
            "ServiceRequest.paid", "ServiceRequest.category", "ServiceRequest.discountPercent",
            "ServiceRequest.freeServicesGranted12m", "PreviousDecision.lastActiveCluster");
    private static final int MAX_COMBINATIONS_PER_TABLE = 64;

    private final Map<String, TreeSet<BigDecimal>> thresholds = new LinkedHashMap<>();
    private final Map<String, TableConstants.Field> fields;
    private final List<DecisionTable> tables;

    private BoundaryInputs(RuleBase candidate) {
        // DRL files are read for the numbers they compare; tables through their cells, for every fact they use
        Matcher matcher = COMPARISON.matcher(candidate.drl());
        while (matcher.find()) {
            thresholds.computeIfAbsent(matcher.group(1), f -> new TreeSet<>()).add(new BigDecimal(matcher.group(3)));
        }
        tables = DecisionTable.of(candidate.sources());
        fields = TableConstants.of(tables, INPUT_FACTS);
        TableConstants.thresholds(fields).forEach((field, values) ->
                thresholds.computeIfAbsent(field, f -> new TreeSet<>()).addAll(values));
    }

    static List<Input> generate(RuleBase candidate) {
        return new BoundaryInputs(candidate).all();
    }

    /**
     * The fields no group above covers (country, sector, the order rhythm, a service code, the
     * previous decision...): per table, every combination of the values of its own such fields,
     * given to clients of every cluster and lifecycle state, with and without a service request.
     */
    private List<Input> otherFields(List<Integer> lasts, List<Integer> firsts, List<Integer> orders) {
        List<GeneratedClient> plain = bases(lasts, firsts, orders, false);
        List<GeneratedClient> asking = bases(lasts, firsts, orders, true);
        List<Input> inputs = new ArrayList<>();
        Set<List<String>> done = new java.util.HashSet<>();
        for (DecisionTable table : tables) {
            List<TableConstants.Field> own = table.columns().stream()
                    .map(column -> com.clientvalue.rules.ColumnMeaning.of(table, column).orElse(null))
                    .filter(m -> m != null && m.factType() != null)
                    .map(m -> fields.get(TableConstants.key(m.factType(), m.field())))
                    .filter(f -> f != null && !GROUPED.contains(TableConstants.key(f.fact(), f.name())))
                    .distinct().toList();
            if (own.isEmpty() || !done.add(own.stream().map(f -> TableConstants.key(f.fact(), f.name())).toList())) {
                continue;
            }
            boolean readsRequest = own.stream().anyMatch(f -> f.fact() == ServiceRequest.class);
            for (Map<TableConstants.Field, Object> combination : combinations(own)) {
                for (GeneratedClient base : readsRequest ? asking : plain) {
                    GeneratedClient client = base.copy();
                    combination.forEach(client::set);
                    inputs.add(client.input());
                }
            }
        }
        return inputs;
    }

    /** Every combination of the fields' values, or every pair of fields when they would be too many. */
    private static List<Map<TableConstants.Field, Object>> combinations(List<TableConstants.Field> own) {
        List<Map<TableConstants.Field, Object>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (TableConstants.Field field : own) {
            List<Map<TableConstants.Field, Object>> next = new ArrayList<>();
            for (Map<TableConstants.Field, Object> partial : all) {
                for (Object point : field.points()) {
                    Map<TableConstants.Field, Object> extended = new LinkedHashMap<>(partial);
                    extended.put(field, point);
                    next.add(extended);
                }
            }
            all = next;
        }
        if (all.size() <= MAX_COMBINATIONS_PER_TABLE) {
            return all;
        }
        // every pair of fields, each with every value of the other: a row that names a service and one other
        // fact (the usual refusal) is reached even when the table compares more facts than can be combined
        List<Map<TableConstants.Field, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            for (int j = i + 1; j < own.size(); j++) {
                for (Object first : own.get(i).points()) {
                    for (Object second : own.get(j).points()) {
                        Map<TableConstants.Field, Object> pair = new LinkedHashMap<>();
                        pair.put(own.get(i), first);
                        pair.put(own.get(j), second);
                        pairs.add(pair);
                    }
                }
            }
        }
        return pairs;
    }

    /**
     * A client of each cluster in each lifecycle state (days since the last order at each of its
     * boundaries, few or many orders), with each kind of service request when the table reads one.
     */
    private List<GeneratedClient> bases(List<Integer> lasts, List<Integer> firsts, List<Integer> orders, boolean requests) {
        List<Integer> potentials = ints("potential", 0, 100, true);
        List<GeneratedClient> bases = new ArrayList<>();
        for (Integer potential : List.of(potentials.get(1), potentials.get(potentials.size() - 1))) {
            for (AbcClass abc : AbcClass.values()) {
                for (Integer last : lasts) {
                    for (Integer count : List.of(orders.get(0), orders.get(orders.size() - 1))) {
                        GeneratedClient base = new GeneratedClient().ordering(last, firsts.get(firsts.size() - 1), count)
                                .potential(potential).abc(abc);
                        if (!requests) {
                            bases.add(base);
                            continue;
                        }
                        for (boolean paid : new boolean[]{true, false}) {
                            bases.add(base.copy().request(paid, "STANDARD", BigDecimal.ZERO, 0));
                        }
                        bases.add(base.copy().request(true, "EXCEPTION", BigDecimal.ZERO, 0));
                    }
                }
            }
        }
        return bases;
    }

    private List<Input> all() {
        List<Integer> potentials = ints("potential", 0, 100, true);
        List<Integer> lasts = ints("daysSinceLastOrder", 0, 5000, true);
        List<Integer> firsts = ints("daysSinceFirstOrder", 0, 5000, false);
        List<Integer> orders = ints("orders12m", 0, 10_000, false);
        List<Input> inputs = new ArrayList<>();
        for (Integer potential : potentials) {
            for (AbcClass abc : AbcClass.values()) {
                GeneratedClient base = new GeneratedClient().potential(potential).abc(abc);
                for (Integer days : ints("daysSinceAssessment", 0, 100_000, true)) {
                    inputs.add(base.copy().assessed(days).input());
                }
                for (Integer last : lasts) {
                    for (Integer first : firsts) {
                        for (Integer count : orders) {
                            inputs.add(base.copy().ordering(last, first, count).input());
                        }
                    }
                }
                for (boolean paid : new boolean[]{true, false}) {
                    for (String category : List.of("STANDARD", "EXCEPTION")) {
                        for (BigDecimal discount : decimals("discountPercent", BigDecimal.ZERO, new BigDecimal("100"), false)) {
                            for (Integer used : ints("freeServicesGranted12m", 0, 1000, false)) {
                                inputs.add(base.copy().request(paid, category, discount, used).input());
                            }
                        }
                    }
                }
            }
        }
        for (GeneratedClient state : lifecycleRepresentatives(lasts, firsts, orders)) {
            for (BigDecimal ratio : decimals("silenceRatio", BigDecimal.ZERO, new BigDecimal("1000"), true)) {
                for (String reason : TextFacts.lossReasons(tables)) {
                    for (Cluster lastActive : withNull(Cluster.values())) {
                        inputs.add(state.copy().rhythm(ratio).lossReason(reason).lastActive(lastActive).input());
                    }
                }
            }
        }
        for (Integer expectation : ints("latestExpectation", 1, 5, true)) {
            for (Integer experience : ints("latestExperience", 1, 5, true)) {
                for (Integer complaints : ints("complaints90d", 0, 1000, false)) {
                    inputs.add(new GeneratedClient().survey(expectation, experience, complaints).input());
                }
            }
        }
        // every risk x opportunity rating on all five dimensions, and each dimension alone at risk 5, in every ABC class
        for (AbcClass abc : AbcClass.values()) {
            for (int risk = 1; risk <= 5; risk++) {
                for (int opportunity = 1; opportunity <= 5; opportunity++) {
                    inputs.add(new GeneratedClient().abc(abc).ratings(DimensionRating.uniform(risk, opportunity)).input());
                }
            }
            for (Dimension critical : Dimension.values()) {
                inputs.add(new GeneratedClient().abc(abc).ratings(Arrays.stream(Dimension.values())
                        .map(d -> new DimensionRating(d, d == critical ? 5 : 1, 1)).toList()).input());
            }
        }
        for (Integer employees : ints("employees", 0, 10_000_000, true)) {
            inputs.add(new GeneratedClient().employees(employees).input());
        }
        for (GeneratedClient state : lifecycleRepresentatives(lasts, firsts, orders)) {
            for (BigDecimal revenue : decimals("revenue12m", new BigDecimal("-1000"), new BigDecimal("1000000000"), false)) {
                inputs.add(state.copy().revenue(revenue).input());
            }
        }
        inputs.addAll(otherFields(lasts, firsts, orders));
        inputs.addAll(presence(lasts, firsts, orders));
        return inputs;
    }

    /**
     * The text facts a table only asks to be there or not ({@code (referredBy != null) == $param}), other
     * than the loss reason the lifecycle cases try: each without a value and with one, for clients of
     * every cluster and lifecycle state.
     */
    private List<Input> presence(List<Integer> lasts, List<Integer> firsts, List<Integer> orders) {
        Set<String> names = TextFacts.presenceFields(tables);
        List<Input> inputs = new ArrayList<>();
        for (String name : names) {
            TableConstants.Field field = new TableConstants.Field(ClientFacts.class, name, String.class, true, Set.of());
            for (GeneratedClient base : bases(lasts, firsts, orders, false)) {
                inputs.add(base.copy().set(field, "a recorded " + name).input());
            }
        }
        return inputs;
    }

    // one case per distinct lifecycle-relevant combination is enough for the trigger tables
    private static List<GeneratedClient> lifecycleRepresentatives(List<Integer> lasts, List<Integer> firsts, List<Integer> orders) {
        List<GeneratedClient> cases = new ArrayList<>();
        for (Integer last : lasts) {
            for (Integer count : orders) {
                cases.add(new GeneratedClient().ordering(last, firsts.get(firsts.size() - 1), count));
            }
        }
        return cases;
    }

    private List<Integer> ints(String field, int min, int max, boolean nullable) {
        TreeSet<Integer> values = new TreeSet<>();
        for (BigDecimal t : thresholds.getOrDefault(field, new TreeSet<>())) {
            int v = t.intValue();
            for (int candidate : new int[]{v - 1, v, v + 1}) {
                if (candidate >= min && candidate <= max) {
                    values.add(candidate);
                }
            }
        }
        values.add(Math.max(min, Math.min(max, min + 1)));
        List<Integer> list = new ArrayList<>(values);
        if (nullable) {
            list.add(0, null);
        }
        return list;
    }

    private List<BigDecimal> decimals(String field, BigDecimal min, BigDecimal max, boolean nullable) {
        TreeSet<BigDecimal> values = new TreeSet<>();
        BigDecimal step = new BigDecimal("0.01");
        for (BigDecimal t : thresholds.getOrDefault(field, new TreeSet<>())) {
            for (BigDecimal candidate : List.of(t.subtract(step), t, t.add(step))) {
                if (candidate.compareTo(min) >= 0 && candidate.compareTo(max) <= 0) {
                    values.add(candidate);
                }
            }
        }
        values.add(min);
        List<BigDecimal> list = new ArrayList<>(values);
        if (nullable) {
            list.add(0, null);
        }
        return list;
    }

    private static <T> List<T> withNull(T[] values) {
        List<T> list = new ArrayList<>();
        list.add(null);
        list.addAll(Arrays.asList(values));
        return list;
    }
}
