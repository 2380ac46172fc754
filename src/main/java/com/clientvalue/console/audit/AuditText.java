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

    /** A value of a decision document as a line of text: lists joined, an object's code or its fields. */
    public static String value(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "—" : list.stream().map(AuditText::item).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return fields(map);
        }
        return value.toString();
    }

    private static String item(Object item) {
        if (item instanceof Map<?, ?> map) {
            Object code = map.get("code");
            if (code == null) {
                code = map.get("dimension");
                return code == null ? fields(map) : code + " (" + map.get("risk") + "/" + map.get("opportunity") + ")";
            }
            return code.toString();
        }
        return String.valueOf(item);
    }

    private static String fields(Map<?, ?> map) {
        return map.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + ": " + value(e.getValue())).collect(Collectors.joining("; "));
    }
}
