package com.clientvalue.console.audit;

import com.clientvalue.governance.replay.ReplayReport;
import com.clientvalue.rules.RuleDescriptor;

import java.util.List;

/**
 * A replay as the page shows it: the report of the replay use case, its two outcomes side by side
 * field by field, and the rules that fired only under the replayed version, as that version names them.
 */
public record ReplayView(ReplayReport report, List<Difference> outcome, List<RuleDescriptor> onlyInReplay) {

    /** One field of the outcome under the original and the replayed version. */
    public record Difference(String label, String original, String replayed) {
        public boolean changed() {
            return !original.equals(replayed);
        }
    }

    public long changedFields() {
        return outcome.stream().filter(Difference::changed).count();
    }
}
