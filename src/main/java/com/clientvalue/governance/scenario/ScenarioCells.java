package com.clientvalue.governance.scenario;

import com.clientvalue.rules.RuleProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cells of one scenario row read as typed values. An empty cell gives the default, "none"
 * gives no value where a fact may have none; anything unreadable becomes a problem at the row's
 * line and column, worded for the analyst who wrote it.
 */
final class ScenarioCells {
    static final String NONE = "none";

    /** Reads a filled cell; throws IllegalArgumentException saying what is wrong with it. */
    interface Parser<T> {
        T parse(String value);
    }

    private final String file;
    private final int line;
    private final Map<ScenarioColumn, String> values;
    private final List<RuleProblem> problems = new ArrayList<>();

    ScenarioCells(String file, int line, Map<ScenarioColumn, String> values) {
        this.file = file;
        this.line = line;
        this.values = Map.copyOf(values);
    }

    int line() {
        return line;
    }

    String raw(ScenarioColumn column) {
        return values.getOrDefault(column, "");
    }

    boolean isEmpty(ScenarioColumn column) {
        return raw(column).isEmpty();
    }

    boolean isNone(ScenarioColumn column) {
        return raw(column).equalsIgnoreCase(NONE);
    }

    <T> T read(ScenarioColumn column, T fallback, boolean noneAllowed, Parser<T> parser) {
        String value = raw(column);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase(NONE)) {
            if (!noneAllowed) {
                problem(column, "'none' is not possible here: give a value, or leave the cell empty for the default");
            }
            return noneAllowed ? null : fallback;
        }
        try {
            return parser.parse(value);
        } catch (IllegalArgumentException e) {
            problem(column, "'" + value + "' " + e.getMessage());
            return fallback;
        }
    }

    void problem(ScenarioColumn column, String message) {
        String name = raw(ScenarioColumn.SCENARIO);
        problems.add(new RuleProblem(file, null, line, column == null ? null : column.header(),
                (name.isEmpty() ? "" : "scenario '" + name + "': ") + message));
    }

    List<RuleProblem> problems() {
        return List.copyOf(problems);
    }

    static Parser<Integer> wholeNumber(int min, int max) {
        return value -> {
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a whole number");
            }
            if (number < min || number > max) {
                throw new IllegalArgumentException(max == Integer.MAX_VALUE ? "must be " + min + " or more"
                        : "must be between " + min + " and " + max);
            }
            return number;
        };
    }

    static Parser<BigDecimal> number(BigDecimal min, BigDecimal max) {
        return value -> {
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a number: write it with a decimal point, e.g. 5.01");
            }
            if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
                throw new IllegalArgumentException(max == null ? "must be " + min.toPlainString() + " or more"
                        : "must be between " + min.toPlainString() + " and " + max.toPlainString());
            }
            return number;
        };
    }

    static Parser<Boolean> trueOrFalse() {
        return value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    static Parser<LocalDate> date() {
        return value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a date: write it as year-month-day, e.g. 2011-12-10");
            }
        };
    }

    /** @param what the kind of value, as the message names it ("a cluster") */
    static <E extends Enum<E>> Parser<E> oneOf(Class<E> type, String what, boolean noneAllowed) {
        return value -> {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
                if (noneAllowed) {
                    names.add(NONE);
                }
                throw new IllegalArgumentException("is not " + what + ": use "
                        + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
            }
        };
    }
}
