package com.clientvalue.rules;

import io.micronaut.core.annotation.Nullable;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a table column's code row makes of its cells, read from the code and the fact's class:
 * {@code potential >= $param} compares the fact {@code potential} (a whole number) with the cell;
 * {@code cluster == Cluster.$param} wants a cluster; {@code forall(||){band == Band.$}} any of
 * several bands, {@code forall(||){companyType == "$"}} any of several texts; {@code (lossReason != null) == $param} true or false. Columns whose code reads
 * otherwise have no meaning here and are left to the compiler.
 *
 * @param factType  the fact the column reads (ClientFacts, ServiceRequest...), null when unknown
 * @param field     the fact's field, or the expression in brackets
 * @param operator  ==, !=, >=, <=, > or <
 * @param type      the type the cell must have
 * @param quoted    the cell is put between quotes: any text
 * @param anyOf     the cell may list several values separated by commas
 */
public record ColumnMeaning(@Nullable Class<?> factType, String field, String operator, Class<?> type, boolean quoted,
                            boolean anyOf) {

    private static final List<String> FACT_PACKAGES = List.of("com.clientvalue.decision.*", "com.clientvalue.client.*");
    private static final Pattern COMPARISON = Pattern.compile(
            "^(\\w+|\\([^()]*\\))\\s*(==|!=|>=|<=|>|<)\\s*(\"\\$param\"|(?:(\\w+)\\.)?\\$param)$");
    private static final Pattern ANY_OF = Pattern.compile("^forall\\(\\|\\|\\)\\{\\s*(\\w+)\\s*==\\s*(\\w+)\\.\\$\\s*}$");
    private static final Pattern ANY_OF_TEXT = Pattern.compile("^forall\\(\\|\\|\\)\\{\\s*(\\w+)\\s*==\\s*\"\\$\"\\s*}$");
    private static final Pattern CONSTRUCTED = Pattern.compile("new\\s+(\\w+)\\s*\\([^()]*?\\b(\\w+)\\.\\$param\\b");

    public boolean isEnum() {
        return type.isEnum();
    }

    public boolean isNumber() {
        return Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class);
    }

    public boolean isWholeNumber() {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class;
    }

    public boolean isBoolean() {
        return type == Boolean.class || type == boolean.class;
    }

    /** A nullable fact compared with == or != may be compared with null ("no value"). */
    public boolean acceptsNull() {
        return !type.isPrimitive() && !quoted && !anyOf && (operator.equals("==") || operator.equals("!="));
    }

    public List<String> constants() {
        return isEnum() ? Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList() : List.of();
    }

    /** The field's name for an analyst: "potential level", "cluster", "ABC class". */
    public String noun() {
        if (!isEnum()) {
            return field;
        }
        String enumName = type.getSimpleName();
        if (enumName.equals("Lifecycle")) {
            return "lifecycle state";
        }
        String owner = factType != null && factType.getSimpleName().endsWith(enumName) ? factType.getSimpleName() : enumName;
        return words(owner);
    }

    /** What a column's cells mean, when its code says it plainly and its types resolve. */
    public static Optional<ColumnMeaning> of(DecisionTable table, DecisionTable.Column column) {
        String code = column.code().trim();
        if (column.isCondition()) {
            Class<?> fact = resolve(table.imports(), column.objectType());
            Matcher anyOf = ANY_OF.matcher(code);
            if (anyOf.matches()) {
                Class<?> type = resolve(table.imports(), anyOf.group(2));
                return type != null && type.isEnum()
                        ? Optional.of(new ColumnMeaning(fact, anyOf.group(1), "==", type, false, true)) : Optional.empty();
            }
            Matcher anyOfText = ANY_OF_TEXT.matcher(code);
            if (anyOfText.matches()) {
                return Optional.of(new ColumnMeaning(fact, anyOfText.group(1), "==", String.class, true, true));
            }
            Matcher comparison = COMPARISON.matcher(code);
            if (!comparison.matches()) {
                return Optional.empty();
            }
            String field = comparison.group(1);
            boolean quoted = comparison.group(3).startsWith("\"");
            Class<?> type;
            if (quoted) {
                type = String.class;
            } else if (comparison.group(4) != null) {
                type = resolve(table.imports(), comparison.group(4));
            } else if (field.startsWith("(")) {
                type = boolean.class; // a bracketed comparison such as (lossReason != null)
            } else {
                type = fact == null ? null : fieldType(fact, field).orElse(null);
            }
            return type == null ? Optional.empty()
                    : Optional.of(new ColumnMeaning(fact, field, comparison.group(2), type, quoted, false));
        }
        if (column.kind().equals("ACTION")) {
            Matcher constructed = CONSTRUCTED.matcher(code);
            if (constructed.find()) {
                Class<?> fact = resolve(table.imports(), constructed.group(1));
                Class<?> type = resolve(table.imports(), constructed.group(2));
                if (type != null && type.isEnum()) {
                    return Optional.of(new ColumnMeaning(fact, words(type.getSimpleName()), "==", type, false, false));
                }
            }
        }
        return Optional.empty();
    }

    /** A condition's code that compares a field its fact does not have (e.g. abcKlass): what to say about it. */
    static Optional<String> unknownField(DecisionTable table, DecisionTable.Column column) {
        Matcher comparison = COMPARISON.matcher(column.code().trim());
        if (!column.isCondition() || !comparison.matches() || comparison.group(1).startsWith("(")) {
            return Optional.empty();
        }
        String values = comparison.group(4);
        if (values != null && !values.equals("this") && resolve(table.imports(), values) == null
                && Character.isUpperCase(values.charAt(0))) {
            return Optional.of("'" + values + "' in the code '" + column.code() + "' is not a list of values the rules know:"
                    + " check its spelling and capitals, and the Import line of the sheet");
        }
        Class<?> fact = resolve(table.imports(), column.objectType());
        String field = comparison.group(1);
        if (fact == null || !fact.isRecord() || fieldType(fact, field).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("'" + field + "' is not a fact of " + fact.getSimpleName() + " (code '" + column.code()
                + "'); its facts are " + String.join(", ", fields(fact)));
    }

    /** The type of a fact's field, read through its record accessor or getter as Drools does. */
    static Optional<Class<?>> fieldType(Class<?> fact, String field) {
        if (fact.isRecord()) {
            return Arrays.stream(fact.getRecordComponents()).filter(c -> c.getName().equals(field))
                    .<Class<?>>map(RecordComponent::getType).findFirst();
        }
        String capitalised = field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String name : List.of("get" + capitalised, "is" + capitalised, field)) {
            try {
                Method method = fact.getMethod(name);
                return Optional.of(method.getReturnType());
            } catch (NoSuchMethodException e) {
                // try the next accessor form
            }
        }
        return Optional.empty();
    }

    /** The fields a fact offers, for a message that lists them. */
    static List<String> fields(Class<?> fact) {
        return fact.isRecord() ? Arrays.stream(fact.getRecordComponents()).map(RecordComponent::getName).toList() : List.of();
    }

    /** A simple class name as the sheet's Import row makes it known (a class, or a package with .*). */
    static @Nullable Class<?> resolve(List<String> imports, String simpleName) {
        if (simpleName == null || !simpleName.matches("[A-Z]\\w*")) {
            return null;
        }
        // Drools finds the fact and outcome types even when a sheet's Import line misses them, so this does too
        List<String> searched = new java.util.ArrayList<>(imports);
        searched.addAll(FACT_PACKAGES);
        for (String imported : searched) {
            String candidate = imported.endsWith(".*") ? imported.substring(0, imported.length() - 1) + simpleName
                    : imported.endsWith("." + simpleName) ? imported : null;
            if (candidate != null) {
                try {
                    return Class.forName(candidate, false, ColumnMeaning.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    // not in this package: try the next import
                }
            }
        }
        return null;
    }

    private static String words(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.replace("abc ", "ABC ");
    }
}
