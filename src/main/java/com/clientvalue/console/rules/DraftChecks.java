package com.clientvalue.console.rules;

import com.clientvalue.rules.RulePublisher;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest validation of each draft, as long as the draft has not changed since: what the grid
 * marks at the cells. Kept in memory only (a restart forgets it; validating again finds it back).
 */
@Singleton
class DraftChecks {
    private static final int KEPT = 200;
    private final Map<Long, Entry> latest = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(Instant draftUpdatedAt, RulePublisher.ValidationReport report) {
    }

    synchronized void remember(Draft draft, RulePublisher.ValidationReport report) {
        latest.put(draft.id(), new Entry(draft.updatedAt(), report));
        while (latest.size() > KEPT) {
            latest.remove(latest.keySet().iterator().next());
        }
    }

    synchronized Optional<RulePublisher.ValidationReport> of(Draft draft) {
        Entry entry = latest.get(draft.id());
        return entry != null && entry.draftUpdatedAt().equals(draft.updatedAt()) ? Optional.of(entry.report()) : Optional.empty();
    }
}
