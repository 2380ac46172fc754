package com.clientvalue.console.audit;

import com.clientvalue.console.Ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How the audit screens write instants, versions and the values of a decision document. */
public final class AuditText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int SHORT_VERSION = 12;

    private AuditText() {
    }

    /** An instant in UTC, the date as the language writes it: 10 Dec 2011 14:03:07 UTC. */
    public static String when(Ui ui, Instant instant) {
        if (instant == null) {
            return "";
        }
        var utc = instant.atOffset(ZoneOffset.UTC);
        return ui.date(utc.toLocalDate()) + " " + TIME.format(utc) + " UTC";
    }

    /** The first characters of a version hash, enough to tell versions apart on a page. */
    public static String shortVersion(String version) {
        return version == null || version.length() <= SHORT_VERSION ? String.valueOf(version) : version.substring(0, SHORT_VERSION);
    }

    /** A subject of the admin log: a version hash shortened, anything else (a token's name, a file) whole. */
    public static String subject(String subject) {
        return subject != null && subject.matches("[0-9a-f]{64}") ? shortVersion(subject) : String.valueOf(subject);
    }

    /**
     * A value of a decision document as a line of text in the page's language: dates and numbers as
     * the language writes them, lists joined, an object's code or its fields.
     */
    public static String value(Ui ui, Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "—" : list.stream().map(item -> item(ui, item)).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return fields(ui, map);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return ui.number(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return ui.amount(new java.math.BigDecimal(number.toString()));
        }
        if (value instanceof String text && ISO_DATE.matcher(text).matches()) {
            return ui.date(java.time.LocalDate.parse(text));
        }
        return value.toString();
    }

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static String item(Ui ui, Object item) {
        if (item instanceof Map<?, ?> map) {
            Object code = map.get("code");
            if (code == null) {
                code = map.get("dimension");
                return code == null ? fields(ui, map) : code + " (" + map.get("risk") + "/" + map.get("opportunity") + ")";
            }
            return code.toString();
        }
        return String.valueOf(item);
    }

    private static String fields(Ui ui, Map<?, ?> map) {
        return map.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + ": " + value(ui, e.getValue())).collect(Collectors.joining("; "));
    }
}
