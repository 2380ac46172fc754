package com.clientvalue.rules;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One analyst file: its path inside the rules folder (with '/') and its exact bytes. */
public record RuleSource(String path, byte[] content) {

    enum Kind { CSV_TABLE, XLSX_TABLE, DRL, VOCABULARY }

    Kind kind() {
        if (path.startsWith("vocabulary/")) {
            return Kind.VOCABULARY;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl")) {
            return Kind.DRL;
        }
        return lower.endsWith(".xlsx") || lower.endsWith(".xls") ? Kind.XLSX_TABLE : Kind.CSV_TABLE;
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    static boolean isRuleFile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".drl");
    }
}
