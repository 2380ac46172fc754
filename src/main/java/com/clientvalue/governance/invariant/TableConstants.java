package com.clientvalue.governance.invariant;

import com.clientvalue.rules.ColumnMeaning;
import com.clientvalue.rules.DecisionTable;
import io.micronaut.core.annotation.Nullable;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The constants the tables compare each input fact with, read from their condition cells (not
 * from generated code): the numbers a field is compared with, the texts and values it is
 * compared to. Boundary inputs are made from them, so a row on any fact can be reached.
 */
final class TableConstants {
    static final String OTHER_TEXT = "(another value)";

    /** One compared field of an input fact: its type, whether it may be empty, and the cells it is compared with. */
    record Field(Class<?> fact, String name, Class<?> type, boolean nullable, Set<String> cells) {

        /** The values a boundary input gives this field: around each number, each constant and one beyond, and empty. */
        List<Object> points() {
            List<Object> points = new ArrayList<>();
            if (nullable) {
                points.add(null);
            }
            if (type == String.class) {
                points.addAll(cells);
                points.add(OTHER_TEXT);
            } else if (type.isEnum()) {
                points.addAll(Arrays.asList(type.getEnumConstants()));
            } else if (type == boolean.class || type == Boolean.class) {
                points.addAll(List.of(true, false));
            } else if (type == BigDecimal.class) {
                new java.util.TreeSet<>(numbers(new BigDecimal("0.01"))).forEach(points::add);
            } else if (type == Integer.class || type == int.class) {
                new java.util.TreeSet<>(numbers(BigDecimal.ONE)).stream().map(BigDecimal::intValueExact).forEach(points::add);
            }
            return points;
        }

        private List<BigDecimal> numbers(BigDecimal step) {
            List<BigDecimal> numbers = new ArrayList<>();
            for (String cell : cells) {
                if (cell.matches("-?\\d+(\\.\\d+)?")) {
                    BigDecimal t = new BigDecimal(cell);
                    if (step.equals(BigDecimal.ONE) && t.stripTrailingZeros().scale() > 0) {
                        t = t.setScale(0, java.math.RoundingMode.FLOOR);
                    }
                    numbers.addAll(List.of(t.subtract(step), t, t.add(step)));
                }
            }
            if (numbers.isEmpty()) {
                numbers.add(BigDecimal.ZERO);
            }
            return numbers;
        }
    }

    private TableConstants() {
    }

    /** Every input-fact field a condition compares with cells, keyed by fact and field. */
    static Map<String, Field> of(List<DecisionTable> tables, Set<Class<?>> inputFacts) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (DecisionTable table : tables) {
            for (DecisionTable.Column column : table.columns()) {
                if (!column.isCondition()) {
                    continue;
                }
                ColumnMeaning.of(table, column).ifPresent(meaning -> {
                    if (meaning.factType() == null || !inputFacts.contains(meaning.factType())
                            || meaning.field().startsWith("(")) {
                        return;
                    }
                    Field field = fields.computeIfAbsent(key(meaning.factType(), meaning.field()),
                            k -> new Field(meaning.factType(), meaning.field(), meaning.type(),
                                    nullable(meaning.factType(), meaning.field()), new LinkedHashSet<>()));
                    for (DecisionTable.Row row : table.rows()) {
                        String cell = row.cell(column);
                        if (!cell.isEmpty() && !cell.equals("null")) {
                            for (String value : meaning.anyOf() ? cell.split(",") : new String[]{cell}) {
                                field.cells().add(value.trim());
                            }
                        }
                    }
                });
            }
        }
        return fields;
    }

    /** Numeric constants of the numeric fields, by field name, as the generator's groups read them. */
    static Map<String, List<BigDecimal>> thresholds(Map<String, Field> fields) {
        Map<String, List<BigDecimal>> thresholds = new LinkedHashMap<>();
        for (Field field : fields.values()) {
            for (String cell : field.cells()) {
                if (cell.matches("-?\\d+(\\.\\d+)?")) {
                    thresholds.computeIfAbsent(field.name(), f -> new ArrayList<>()).add(new BigDecimal(cell));
                }
            }
        }
        return thresholds;
    }

    static String key(Class<?> fact, String field) {
        return fact.getSimpleName() + "." + field;
    }

    static boolean nullable(Class<?> fact, String field) {
        if (!fact.isRecord()) {
            return false;
        }
        for (RecordComponent component : fact.getRecordComponents()) {
            if (component.getName().equals(field)) {
                return !component.getType().isPrimitive() && (component.isAnnotationPresent(Nullable.class)
                        || component.getAccessor().isAnnotationPresent(Nullable.class));
            }
        }
        return false;
    }
}
