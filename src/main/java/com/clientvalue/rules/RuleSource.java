package com.clientvalue.rules;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One analyst file: its path inside the rules folder (with '/') and its exact bytes. */
public record RuleSource(String path, byte[] content) {

    /** Tables and DRL are compiled; vocabulary and test scenarios are read by the checks. */
    public enum Kind { CSV_TABLE, XLSX_TABLE, DRL, VOCABULARY, SCENARIOS }

    public Kind kind() {
        if (path.startsWith("vocabulary/")) {
            return Kind.VOCABULARY;
        }
        if (path.startsWith("tests/")) {
            return Kind.SCENARIOS;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl")) {
            return Kind.DRL;
        }
        return lower.endsWith(".xlsx") || lower.endsWith(".xls") ? Kind.XLSX_TABLE : Kind.CSV_TABLE;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    static boolean isRuleFile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".drl");
    }
}
