package com.clientvalue.rules;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One analyst file: its path inside the rules folder (with '/') and its exact bytes. */
public record RuleSource(String path, byte[] content) {

    /** Tables and DRL are compiled; vocabulary, scenarios, invariants and budget weights are read by their users. */
    public enum Kind { CSV_TABLE, XLSX_TABLE, DRL, VOCABULARY, SCENARIOS, INVARIANTS, BUDGET }

    public Kind kind() {
        if (path.startsWith("vocabulary/")) {
            return Kind.VOCABULARY;
        }
        if (path.startsWith("tests/")) {
            return Kind.SCENARIOS;
        }
        if (path.startsWith("invariants/")) {
            return Kind.INVARIANTS;
        }
        if (path.startsWith("budget/")) {
            return Kind.BUDGET;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".drl")) {
            return Kind.DRL;
        }
        return lower.endsWith(".xlsx") || lower.endsWith(".xls") ? Kind.XLSX_TABLE : Kind.CSV_TABLE;
    }

    boolean isCompiled() {
        Kind kind = kind();
        return kind == Kind.CSV_TABLE || kind == Kind.XLSX_TABLE || kind == Kind.DRL;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    static boolean isRuleFile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".drl");
    }
}
