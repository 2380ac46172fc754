package com.clientvalue.console.audit;

import com.clientvalue.rules.DecisionTable;
import com.clientvalue.rules.RuleDescriptor;
import com.clientvalue.rules.RuleSource;
import com.clientvalue.rules.RuleVersions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a rule's table from the files stored with a version (what decided then, whatever the rules
 * folder holds now), through the same table reader the rule checks use.
 */
@Singleton
class VersionTables {
    private final RuleVersions versions;

    VersionTables(RuleVersions versions) {
        this.versions = versions;
    }

    RuleInVersion show(RuleDescriptor rule, String version) {
        Optional<RuleVersions.VersionInfo> info = versions.find(version);
        Optional<RuleSource> file = info.isEmpty() ? Optional.empty()
                : versions.files(version).stream().filter(f -> f.path().equals(rule.file())).findFirst();
        if (file.isEmpty()) {
            return new RuleInVersion(rule, version, info.orElse(null), false, List.of(), List.of());
        }
        if (file.get().kind() == RuleSource.Kind.DRL) {
            return new RuleInVersion(rule, version, info.get(), true, List.of(), drlLines(file.get(), rule.row()));
        }
        return DecisionTable.of(List.of(file.get())).stream().filter(t -> t.name().equals(rule.table())).findFirst()
                .map(table -> table(rule, version, info.get(), table))
                .orElseGet(() -> new RuleInVersion(rule, version, info.get(), false, List.of(), List.of()));
    }

    private static RuleInVersion table(RuleDescriptor rule, String version, RuleVersions.VersionInfo info, DecisionTable table) {
        List<RuleInVersion.Column> columns = table.columns().stream()
                .map(c -> new RuleInVersion.Column(letter(c.index()), c.title(), c.kind())).toList();
        List<RuleInVersion.Row> rows = table.rows().stream()
                .map(r -> new RuleInVersion.Row(r.number(), table.columns().stream().map(r::cell).toList(), r.number() == rule.row()))
                .toList();
        return new RuleInVersion(rule, version, info, false, columns, rows);
    }

    /** A DRL rule from its first line to the line that ends it. */
    private static List<RuleInVersion.Row> drlLines(RuleSource file, int start) {
        String[] lines = file.text().split("\\R", -1);
        List<RuleInVersion.Row> rows = new ArrayList<>(lines.length);
        boolean inRule = false;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            if (number == start) {
                inRule = true;
            }
            rows.add(new RuleInVersion.Row(number, List.of(lines[i]), inRule));
            if (inRule && number >= start && lines[i].trim().equals("end")) {
                inRule = false;
            }
        }
        return rows;
    }

    private static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
