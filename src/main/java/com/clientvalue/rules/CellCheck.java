package com.clientvalue.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every cell of a table against what its column's code makes of it, before Drools sees
 * the table: a misspelled value ('HIHG' for a potential level) is reported at its cell, in words,
 * with the values allowed, instead of as a compiler error about generated code.
 */
final class CellCheck {
    private static final String NUMBER = "-?\\d+(\\.\\d+)?";

    private CellCheck() {
    }

    static List<RuleProblem> check(List<DecisionTable> tables) {
        List<RuleProblem> problems = new ArrayList<>();
        for (DecisionTable table : tables) {
            for (DecisionTable.Column column : table.columns()) {
                Optional<String> unknownField = ColumnMeaning.unknownField(table, column);
                if (unknownField.isPresent()) {
                    problems.add(new RuleProblem(table.file(), table.name(), table.codeRow(), column.label(), unknownField.get()));
                    continue;
                }
                ColumnMeaning.of(table, column).ifPresent(meaning -> {
                    for (DecisionTable.Row row : table.rows()) {
                        String cell = row.cell(column);
                        if (!cell.isEmpty()) {
                            wrong(meaning, cell).ifPresent(message ->
                                    problems.add(new RuleProblem(table.file(), table.name(), row.number(), column.label(), message)));
                        }
                    }
                });
            }
        }
        // in the order an analyst reads the sheet: row by row
        problems.sort(java.util.Comparator.comparing(RuleProblem::row));
        return problems;
    }

    /** What is wrong with a cell, in words, or nothing. */
    static Optional<String> wrong(ColumnMeaning meaning, String cell) {
        if (meaning.isEnum()) {
            List<String> allowed = meaning.constants();
            for (String value : meaning.anyOf() ? List.of(cell.split(",")) : List.of(cell)) {
                String v = value.trim();
                if (!allowed.contains(v)) {
                    String capitals = allowed.stream().filter(a -> a.equalsIgnoreCase(v)).findFirst()
                            .map(a -> " (in capitals: " + a + ")").orElse("");
                    String several = meaning.anyOf() ? "; several values are separated by commas" : "";
                    return Optional.of("'" + v + "' is not " + article(meaning.noun()) + "; use " + either(allowed) + capitals + several);
                }
            }
            return Optional.empty();
        }
        if (meaning.acceptsNull() && cell.equals("null")) {
            return Optional.empty();
        }
        String orNull = meaning.acceptsNull() ? ", or null for no value" : "";
        // a decimal compared with a whole-number fact still compiles (and stored versions may hold one): only words are refused
        if (meaning.isWholeNumber() && !cell.matches(NUMBER)) {
            return Optional.of("'" + cell + "' is not a whole number: this column compares " + meaning.field()
                    + " with a whole number, digits only (e.g. 60)" + orNull);
        }
        if (meaning.isNumber() && !cell.matches(NUMBER)) {
            return Optional.of("'" + cell + "' is not a number: this column compares " + meaning.field()
                    + " with a number, a point for decimals and no thousands separator (e.g. 2.5)" + orNull);
        }
        if (meaning.isBoolean() && !cell.equals("true") && !cell.equals("false")) {
            return Optional.of("'" + cell + "' is not true or false: write true or false (in small letters)");
        }
        if (meaning.quoted() && cell.contains("\"")) {
            return Optional.of("'" + cell + "' contains a double quote: remove it, the text is quoted for you");
        }
        return Optional.empty();
    }

    private static String article(String noun) {
        return ("aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 && !noun.startsWith("ABC") ? "an " : "a ") + noun;
    }

    /** "HIGH or LOW", "KEY, DEVELOP, MAINTAIN or MARGINAL". */
    static String either(List<String> values) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }
}
