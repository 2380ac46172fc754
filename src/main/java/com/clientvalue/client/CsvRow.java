package com.clientvalue.client;

import org.apache.commons.csv.CSVRecord;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** One data line of an import, with typed reads that reject bad values naming line and column. */
record CsvRow(long line, CSVRecord record, Map<String, Integer> columns) {
    private static final LocalDate EARLIEST = com.clientvalue.common.BusinessDate.EARLIEST;
    private static final LocalDate LATEST = com.clientvalue.common.BusinessDate.LATEST;
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("100000000000000");

    boolean isBlank() {
        return record.size() == 1 && record.get(0).isBlank();
    }

    String text(String column) {
        Integer index = columns.get(column);
        return index == null ? "" : record.get(index).trim();
    }

    String required(String column, int maxLength) {
        String value = text(column);
        if (value.isEmpty()) {
            throw reject(column, "a value is required");
        }
        return checkLength(column, value, maxLength);
    }

    String optional(String column, int maxLength) {
        String value = text(column);
        return value.isEmpty() ? null : checkLength(column, value, maxLength);
    }

    Integer optionalInt(String column, int min, int max) {
        String value = text(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw reject(column, "'" + value + "' is out of range " + min + ".." + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw reject(column, "'" + abbreviate(value) + "' is not a whole number");
        }
    }

    int requiredInt(String column, int min, int max) {
        required(column, 20);
        return optionalInt(column, min, max);
    }

    BigDecimal amount(String column) {
        String value = required(column, 40);
        if (value.indexOf('e') >= 0 || value.indexOf('E') >= 0) {
            // a spreadsheet writes 1.23457E+11 when it has rounded the number: refused, as in JSON bodies
            throw reject(column, "'" + abbreviate(value) + "' is in exponent notation: write amounts in plain digits with a point "
                    + "for decimals, such as 1000 or 1000.50 (no thousands separator)");
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.scale() > 4 || amount.abs().compareTo(AMOUNT_LIMIT) >= 0) {
                throw reject(column, "'" + value + "' must have at most 4 decimals and 14 digits before the point");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw reject(column, "'" + abbreviate(value) + "' is not a number (use a point for decimals, no thousands separator)");
        }
    }

    LocalDate date(String column) {
        String value = required(column, 10);
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw reject(column, "'" + value + "' is outside 1900-01-01..2999-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw reject(column, "'" + abbreviate(value) + "' is not a date in the form YYYY-MM-DD");
        }
    }

    ImportRejected reject(String column, String message) {
        return new ImportRejected(line, column, message);
    }

    private String checkLength(String column, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw reject(column, "the value is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw reject(column, "the value contains control characters");
            }
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
