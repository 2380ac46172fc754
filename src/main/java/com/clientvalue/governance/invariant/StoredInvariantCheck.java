package com.clientvalue.governance.invariant;

import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSetCheck;
import com.clientvalue.rules.RuleSource;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The invariant check as the service runs it before every validation, publication, activation and
 * shadow: always against the stored invariants in force, whatever the candidate holds (an uploaded
 * candidate may hold none; versions stored before the invariants were kept apart may hold a copy,
 * which is ignored).
 */
@Singleton
class StoredInvariantCheck implements RuleSetCheck {
    private final InvariantCheck check;
    private final StoredInvariants stored;

    StoredInvariantCheck(InvariantCheck check, StoredInvariants stored) {
        this.check = check;
        this.stored = stored;
    }

    @Override
    public List<RuleProblem> check(RuleBase candidate, List<RuleSource> sources) {
        return check.check(candidate, List.of(stored.current().source()));
    }

    @Override
    public String basis() {
        String portfolio = check.basis();
        return (portfolio.isEmpty() ? "" : portfolio + "\n") + "policy invariants revision " + stored.current().revision();
    }

    @Override
    public String name() {
        return "the stored policy invariants (revision " + stored.current().revision() + ") over generated and stored clients";
    }

    @Override
    public String step() {
        return "invariants";
    }
}
