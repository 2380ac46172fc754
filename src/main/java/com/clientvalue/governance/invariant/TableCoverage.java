package com.clientvalue.governance.invariant;

import com.clientvalue.rules.ColumnMeaning;
import com.clientvalue.rules.DecisionTable;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gaps and overlaps of the tables meant to give one answer (a potential level, a revenue level, a
 * cluster, a lifecycle state, a band, a matrix position), found from their cells alone: every
 * combination of the values the conditions distinguish is tried against every row. A gap is
 * reported at the table with the range no row covers, an overlap at the rows that both apply:
 * the cause itself, before the scenarios and invariants it then breaks.
 */
public final class TableCoverage {
    /** One answer per client, from every client: a gap is a defect. */
    private static final Set<String> EXACTLY_ONE = Set.of("PotentialLevel", "RevenueLevel", "ClusterAssignment",
            "LifecycleAssignment", "RiskBand", "OpportunityBand", "MatrixPosition");
    /** At most one answer: a client without a survey has no experience segment. */
    private static final Set<String> AT_MOST_ONE = Set.of("ExperienceAssignment");
    private static final Pattern CONSTRUCTED = Pattern.compile("new\\s+(\\w+)\\s*\\(");
    private static final int MAX_COMBINATIONS = 20_000;

    private TableCoverage() {
    }

    /** A condition dimension: the fact field several columns may compare, and the values that tell its rows apart. */
    private record Dimension(String key, String noun, List<Object> points) {
    }

    private record Condition(ColumnMeaning meaning, DecisionTable.Column column) {
    }

    public static List<RuleProblem> check(List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (DecisionTable table : DecisionTable.of(sources)) {
            String answer = answer(table);
            if (answer != null) {
                problems.addAll(new Analysis(table, answer).run());
            }
        }
        return problems;
    }

    /** The single-answer fact the table inserts, or null when it gives several answers (actions, categories). */
    private static String answer(DecisionTable table) {
        for (DecisionTable.Column column : table.columns()) {
            if (column.kind().equals("ACTION")) {
                Matcher constructed = CONSTRUCTED.matcher(column.code());
                while (constructed.find()) {
                    if (EXACTLY_ONE.contains(constructed.group(1)) || AT_MOST_ONE.contains(constructed.group(1))) {
                        return constructed.group(1);
                    }
                }
            }
        }
        return null;
    }

    private static final class Analysis {
        private final DecisionTable table;
        private final String answer;
        private final Map<String, Dimension> dimensions = new LinkedHashMap<>();
        private final List<Condition> conditions = new ArrayList<>();
        private boolean readable = true;

        Analysis(DecisionTable table, String answer) {
            this.table = table;
            this.answer = answer;
            Map<String, TableConstants.Field> fields = new LinkedHashMap<>();
            for (DecisionTable.Column column : table.columns()) {
                if (!column.isCondition()) {
                    continue;
                }
                ColumnMeaning meaning = ColumnMeaning.of(table, column).orElse(null);
                if (meaning == null || meaning.factType() == null) {
                    readable = false; // a condition this analysis cannot evaluate: claim nothing about the table
                    continue;
                }
                String key = TableConstants.key(meaning.factType(), meaning.field());
                TableConstants.Field field = fields.computeIfAbsent(key, k -> new TableConstants.Field(meaning.factType(),
                        meaning.field(), meaning.type(), !meaning.field().startsWith("(") && TableConstants.nullable(
                        meaning.factType(), meaning.field()), new LinkedHashSet<>()));
                for (DecisionTable.Row row : table.rows()) {
                    String cell = row.cell(column);
                    if (!cell.isEmpty() && !cell.equals("null")) {
                        for (String value : meaning.anyOf() ? cell.split(",") : new String[]{cell}) {
                            field.cells().add(value.trim());
                        }
                    }
                }
                conditions.add(new Condition(meaning, column));
            }
            fields.forEach((key, field) -> dimensions.put(key, new Dimension(key, noun(field), field.points())));
        }

        List<RuleProblem> run() {
            long combinations = dimensions.values().stream().mapToLong(d -> d.points().size()).reduce(1, (a, b) -> a * b);
            if (!readable || dimensions.isEmpty() || combinations > MAX_COMBINATIONS) {
                return List.of();
            }
            boolean prioritised = table.columns().stream().anyMatch(c -> c.kind().equals("ACTIVATION-GROUP"));
            List<Map<String, Object>> all = combinations();
            Set<Map<String, Object>> gaps = new LinkedHashSet<>();
            Map<String, List<Map<String, Object>>> overlaps = new LinkedHashMap<>();
            for (Map<String, Object> point : all) {
                List<DecisionTable.Row> matching = table.rows().stream().filter(row -> applies(row, point)).toList();
                if (matching.isEmpty() && EXACTLY_ONE.contains(answer)) {
                    gaps.add(point);
                }
                if (matching.size() > 1 && !prioritised) {
                    for (int i = 0; i < matching.size(); i++) {
                        for (int j = i + 1; j < matching.size(); j++) {
                            String pair = matching.get(i).number() + "/" + matching.get(j).number();
                            overlaps.computeIfAbsent(pair, k -> new ArrayList<>()).add(point);
                        }
                    }
                }
            }
            List<RuleProblem> problems = new ArrayList<>();
            Set<String> described = new LinkedHashSet<>();
            for (Map<String, Object> gap : gaps) {
                described.add(describe(gap, gaps));
            }
            for (String where : described) {
                problems.add(new RuleProblem(table.file(), table.name(), null, null, "no row covers " + where
                        + ": such a client gets no " + words(answer) + "; add a row for it or widen a neighbouring row"));
            }
            for (Map.Entry<String, List<Map<String, Object>>> overlap : overlaps.entrySet()) {
                String[] rows = overlap.getKey().split("/");
                DecisionTable.Row first = row(Integer.parseInt(rows[0]));
                DecisionTable.Row second = row(Integer.parseInt(rows[1]));
                problems.add(new RuleProblem(table.file(), table.name(), second.number(), null, "rows " + first.number()
                        + " (" + first.ruleId() + ") and " + second.number() + " (" + second.ruleId() + ") both apply to "
                        + box(overlap.getValue()) + ": such a client gets two " + words(answer)
                        + "s; make the rows' conditions exclude each other"));
            }
            return problems;
        }

        private DecisionTable.Row row(int number) {
            return table.rows().stream().filter(r -> r.number() == number).findFirst().orElseThrow();
        }

        private List<Map<String, Object>> combinations() {
            List<Map<String, Object>> all = new ArrayList<>();
            all.add(new LinkedHashMap<>());
            for (Dimension dimension : dimensions.values()) {
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> partial : all) {
                    for (Object point : dimension.points()) {
                        Map<String, Object> extended = new LinkedHashMap<>(partial);
                        extended.put(dimension.key(), point);
                        next.add(extended);
                    }
                }
                all = next;
            }
            return all;
        }

        private boolean applies(DecisionTable.Row row, Map<String, Object> point) {
            for (Condition condition : conditions) {
                String cell = row.cell(condition.column());
                ColumnMeaning meaning = condition.meaning();
                if (!cell.isEmpty() && !holds(meaning, point.get(TableConstants.key(meaning.factType(), meaning.field())), cell)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A gap or overlap point described along each dimension: a number by the run of
         * neighbouring values that are in the same set (e.g. potential from 50 to 59).
         */
        private String describe(Map<String, Object> point, Set<Map<String, Object>> set) {
            List<String> parts = new ArrayList<>();
            for (Dimension dimension : dimensions.values()) {
                Object value = point.get(dimension.key());
                if (value instanceof Number) {
                    List<Object> points = dimension.points().stream().filter(Objects::nonNull).toList();
                    int at = points.indexOf(value);
                    int low = at;
                    int high = at;
                    while (low > 0 && set.contains(with(point, dimension, points.get(low - 1)))) {
                        low--;
                    }
                    while (high < points.size() - 1 && set.contains(with(point, dimension, points.get(high + 1)))) {
                        high++;
                    }
                    boolean fromStart = low == 0;
                    boolean toEnd = high == points.size() - 1;
                    String range = fromStart && toEnd ? "any " + dimension.noun()
                            : fromStart ? dimension.noun() + " up to " + points.get(high)
                            : toEnd ? dimension.noun() + " " + points.get(low) + " or more"
                            : low == high ? dimension.noun() + " " + points.get(low)
                            : dimension.noun() + " from " + points.get(low) + " to " + points.get(high);
                    parts.add(range);
                } else if (value == null) {
                    parts.add(dimension.noun() + " empty");
                } else if (dimension.points().size() > 1) {
                    parts.add(dimension.noun() + " " + (TableConstants.OTHER_TEXT.equals(value) ? "any other value" : value));
                }
            }
            return String.join(" with ", parts);
        }

        /**
         * Where two rows both apply: each dimension's values there. Both rows' conditions are ranges
         * and lists, so what they share is every combination of these.
         */
        private String box(List<Map<String, Object>> shared) {
            List<String> parts = new ArrayList<>();
            for (Dimension dimension : dimensions.values()) {
                List<Object> values = dimension.points().stream()
                        .filter(p -> shared.stream().anyMatch(point -> Objects.equals(point.get(dimension.key()), p))).toList();
                if (values.size() == dimension.points().size()) {
                    continue; // any value: not worth naming
                }
                List<Object> numbers = values.stream().filter(v -> v instanceof Number).toList();
                if (!numbers.isEmpty() && numbers.size() == values.size()) {
                    List<Object> all = dimension.points().stream().filter(Objects::nonNull).toList();
                    Object low = numbers.get(0);
                    Object high = numbers.get(numbers.size() - 1);
                    parts.add(all.indexOf(high) == all.size() - 1 ? dimension.noun() + " " + low + " or more"
                            : all.indexOf(low) == 0 ? dimension.noun() + " up to " + high
                            : low.equals(high) ? dimension.noun() + " " + low
                            : dimension.noun() + " from " + low + " to " + high);
                } else {
                    parts.add(dimension.noun() + " " + values.stream()
                            .map(v -> v == null ? "empty" : TableConstants.OTHER_TEXT.equals(v) ? "any other value" : v.toString())
                            .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                                    TableCoverage::either)));
                }
            }
            return parts.isEmpty() ? "every client" : String.join(" with ", parts);
        }

        private static Map<String, Object> with(Map<String, Object> point, Dimension dimension, Object value) {
            Map<String, Object> moved = new LinkedHashMap<>(point);
            moved.put(dimension.key(), value);
            return moved;
        }
    }

    /** Whether a condition cell holds for a value, as the compiled rule would decide it. */
    static boolean holds(ColumnMeaning meaning, Object value, String cell) {
        boolean negated = meaning.operator().equals("!=");
        if (meaning.anyOf()) {
            boolean any = false;
            for (String option : cell.split(",")) {
                any |= value != null && value.toString().equals(option.trim());
            }
            return any;
        }
        if (cell.equals("null") && meaning.acceptsNull()) {
            return negated == (value != null);
        }
        if (meaning.isEnum() || meaning.quoted() || meaning.isBoolean()) {
            boolean equal = value != null && value.toString().equals(cell);
            return negated != equal;
        }
        if (meaning.isNumber()) {
            if (value == null) {
                return negated;
            }
            int compared = new BigDecimal(value.toString()).compareTo(new BigDecimal(cell));
            return switch (meaning.operator()) {
                case "==" -> compared == 0;
                case "!=" -> compared != 0;
                case ">=" -> compared >= 0;
                case "<=" -> compared <= 0;
                case ">" -> compared > 0;
                default -> compared < 0;
            };
        }
        return true;
    }

    private static String either(List<String> values) {
        return values.size() <= 1 ? String.join("", values)
                : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    private static String noun(TableConstants.Field field) {
        if (field.type().isEnum()) {
            String enumName = field.type().getSimpleName();
            String owner = field.fact().getSimpleName().endsWith(enumName) ? field.fact().getSimpleName() : enumName;
            return words(owner);
        }
        return field.name();
    }

    private static String words(String camelCase) {
        String words = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                .replace("abc ", "ABC ").replace(" assignment", "");
        return words.equals("lifecycle") ? "lifecycle state" : words;
    }
}
