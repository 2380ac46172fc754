package com.clientvalue.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The lists of fired rules that decisions name (table fired_rule_set): each distinct list is
 * stored once, under the SHA-256 of its rule ids in firing order joined by a line break, and
 * decisions refer to it. A portfolio's decisions repeat a few hundred lists (469 among 100,000
 * generated clients), so a batch of decisions looks its lists up and writes only the new ones,
 * instead of about ten rows per decision.
 */
@Singleton
class FiredRuleSets {
    private final JdbcOperations jdbc;

    FiredRuleSets(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the lists these entries name that are not stored yet; returns each entry's list id.
     * Writers of several segments may store the same new list at once: the inserts ignore a list
     * already there, and go in id order so that two writers never wait for each other in a cycle.
     */
    List<String> record(List<AuditEntry> entries) {
        Map<String, List<String>> distinct = new java.util.TreeMap<>();
        List<String> ids = entries.stream().map(entry -> {
            String id = id(entry.firedRuleIds());
            distinct.putIfAbsent(id, entry.firedRuleIds());
            return id;
        }).toList();
        stored(distinct.keySet()).forEach(distinct::remove);
        if (distinct.isEmpty()) {
            return ids;
        }
        jdbc.prepareStatement("INSERT IGNORE INTO fired_rule_set (set_id, rule_count) VALUES (?, ?)", statement -> {
            for (Map.Entry<String, List<String>> set : distinct.entrySet()) {
                statement.setString(1, set.getKey());
                statement.setInt(2, set.getValue().size());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement("INSERT IGNORE INTO fired_rule_set_rule (set_id, seq, rule_id) VALUES (?, ?, ?)", statement -> {
            for (Map.Entry<String, List<String>> set : distinct.entrySet()) {
                for (int seq = 0; seq < set.getValue().size(); seq++) {
                    statement.setString(1, set.getKey());
                    statement.setInt(2, seq + 1);
                    statement.setString(3, set.getValue().get(seq));
                    statement.addBatch();
                }
            }
            return statement.executeBatch();
        });
        return ids;
    }

    private List<String> stored(Collection<String> setIds) {
        String marks = String.join(",", Collections.nCopies(setIds.size(), "?"));
        return jdbc.prepareStatement("SELECT set_id FROM fired_rule_set WHERE set_id IN (" + marks + ")", statement -> {
            int i = 1;
            for (String id : setIds) {
                statement.setString(i++, id);
            }
            List<String> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        });
    }

    /** What MariaDB's SHA2(GROUP_CONCAT(rule_id ORDER BY seq SEPARATOR '\n'), 256) gives (the migration's way). */
    static String id(List<String> ruleIds) {
        return LedgerHash.sha256(String.join("\n", ruleIds));
    }
}
