package com.clientvalue.governance.invariant;

import com.clientvalue.audit.AdminLog;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Changes the policy invariants: the new ones must be readable and hold for the active rules (over
 * generated clients and the stored portfolio, like any publication) before they are stored.
 */
@Singleton
class InvariantChange {
    private final StoredInvariants stored;
    private final InvariantCheck check;
    private final ActiveRuleBase active;
    private final AdminLog log;

    InvariantChange(StoredInvariants stored, InvariantCheck check, ActiveRuleBase active, AdminLog log) {
        this.stored = stored;
        this.check = check;
        this.active = active;
        this.log = log;
    }

    @Transactional
    StoredInvariants.Revision change(String content, String who, @Nullable String comment) {
        StoredInvariants.Revision before = stored.current();
        RuleSource candidate = new RuleSource(StoredInvariants.PATH, content.getBytes(StandardCharsets.UTF_8));
        List<RuleProblem> problems = new ArrayList<>();
        List<PolicyInvariant> parsed = PolicyInvariant.parse(List.of(candidate), problems);
        if (problems.isEmpty() && parsed.isEmpty()) {
            problems.add(new RuleProblem(StoredInvariants.PATH, null, null, null,
                    "the file holds no invariant: give at least one line id,description,rule"));
        }
        if (problems.isEmpty()) {
            problems.addAll(check.check(active.current(), List.of(candidate)));
        }
        if (!problems.isEmpty()) {
            InvariantsRejected refused = new InvariantsRejected(problems);
            log.recordApart(who, "INVARIANTS_REFUSED", "revision " + before.revision(), refused.getDetail()
                    + (comment == null ? "" : " (comment '" + comment + "')"));
            throw refused;
        }
        StoredInvariants.Revision after = stored.change(content, who, comment);
        log.record(who, "INVARIANTS_CHANGED", "revision " + after.revision(), "revision " + before.revision() + " -> "
                + after.revision() + ": " + summary(before, parsed) + "; checked against active rules " + active.current().version()
                + (comment == null ? "" : "; comment '" + comment + "'"));
        return after;
    }

    private static String summary(StoredInvariants.Revision before, List<PolicyInvariant> after) {
        List<PolicyInvariant> old = PolicyInvariant.parse(List.of(before.source()), new ArrayList<>());
        Set<String> oldIds = old.stream().map(PolicyInvariant::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> newIds = after.stream().map(PolicyInvariant::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> added = new TreeSet<>(newIds);
        added.removeAll(oldIds);
        Set<String> removed = new TreeSet<>(oldIds);
        removed.removeAll(newIds);
        Set<String> changed = after.stream().filter(inv -> old.stream().anyMatch(o -> o.id().equals(inv.id())
                        && !(o.description().equals(inv.description()) && java.util.Objects.equals(o.field(), inv.field())
                        && o.never().equals(inv.never()))))
                .map(PolicyInvariant::id).collect(Collectors.toCollection(TreeSet::new));
        return after.size() + " invariant(s); added " + words(added) + ", removed " + words(removed) + ", changed " + words(changed);
    }

    private static String words(Set<String> ids) {
        return ids.isEmpty() ? "none" : String.join(" ", ids);
    }
}
