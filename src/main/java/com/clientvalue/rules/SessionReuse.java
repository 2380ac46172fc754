package com.clientvalue.rules;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a session of this compiled rule base, emptied of every fact after an evaluation, is as
 * good as a new one for the next evaluation; decided once, when the rule base is compiled.
 * <p>
 * Deleting every fact deletes every partial and full match rooted on a fact, so a rule whose
 * conditions start with a pattern on an inserted fact always leaves nothing behind. What survives
 * the deletion is what holds on an empty working memory: a rule with no condition, or one starting
 * with {@code not}, {@code exists}, {@code forall}, {@code eval}, a query or a {@code from}
 * expression would fire once per session instead of once per evaluation, so any of these forbids
 * reuse. A rule starting with {@code accumulate} or {@code collect} over facts is allowed only when
 * a new session with no fact fires nothing (its result constraint refuses the empty result, as
 * {@code List(size > 0) from collect(...)} does). Session state outside the facts forbids reuse
 * too: globals, agenda and rule-flow groups, auto-focus, lock-on-active, timers, calendars and
 * logical insertions.
 *
 * @param blockers why sessions must not be reused, one sentence per rule or package; empty when they may
 */
public record SessionReuse(List<String> blockers) {

    public SessionReuse {
        blockers = List.copyOf(blockers);
    }

    public boolean allowed() {
        return blockers.isEmpty();
    }

    static SessionReuse check(KieBase kieBase) {
        List<String> blockers = new ArrayList<>();
        boolean probe = false;
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            if (!kiePackage.getGlobalVariables().isEmpty()) {
                blockers.add("package " + kiePackage.getName() + " declares globals");
            }
            for (Rule rule : kiePackage.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                if (impl.isQuery()) {
                    continue; // a query never fires
                }
                String state = sessionState(impl);
                if (state != null) {
                    blockers.add("rule '" + rule.getName() + "' uses " + state);
                    continue;
                }
                for (RuleConditionElement first : firstElements(impl.getLhs())) {
                    Start start = start(first);
                    if (start == Start.ON_ABSENCE) {
                        blockers.add("rule '" + rule.getName() + "' can fire on the absence of facts (its conditions "
                                + "do not start with a pattern on an inserted fact)");
                        break;
                    }
                    probe |= start == Start.ACCUMULATE;
                }
            }
        }
        if (blockers.isEmpty() && probe) {
            KieSession empty = kieBase.newKieSession();
            try {
                int fired = empty.fireAllRules(1);
                if (fired > 0) {
                    blockers.add("a rule starting with accumulate or collect fires in a session with no fact");
                }
            } finally {
                empty.dispose();
            }
        }
        return new SessionReuse(blockers);
    }

    private enum Start { ON_FACT, ACCUMULATE, ON_ABSENCE }

    /** What a rule keeps in a session besides its matches; null when nothing. */
    private static String sessionState(RuleImpl rule) {
        if (!rule.isMainAgendaGroup()) {
            return "agenda group " + rule.getAgendaGroup();
        }
        if (rule.getRuleFlowGroup() != null && !rule.getRuleFlowGroup().isBlank()
                && !rule.getRuleFlowGroup().equals(rule.getAgendaGroup())) {
            return "rule-flow group " + rule.getRuleFlowGroup();
        }
        if (rule.getAutoFocus()) {
            return "auto-focus";
        }
        if (rule.isLockOnActive()) {
            return "lock-on-active";
        }
        if (rule.getTimer() != null || rule.hasCalendars()) {
            return "a timer or calendar";
        }
        if (rule.hasLogicalDependency()) {
            return "insertLogical";
        }
        return null;
    }

    /** The first condition of each branch: of the rule, or of each alternative of a top-level or. */
    private static List<RuleConditionElement> firstElements(GroupElement lhs) {
        if (lhs.getChildren().isEmpty()) {
            return List.of(lhs); // no condition at all: an empty AND, seen as firing on absence
        }
        if (lhs.isOr()) {
            List<RuleConditionElement> firsts = new ArrayList<>();
            for (RuleConditionElement branch : lhs.getChildren()) {
                firsts.addAll(branch instanceof GroupElement group ? firstElements(group) : List.of(branch));
            }
            return firsts;
        }
        RuleConditionElement first = lhs.getChildren().get(0);
        return first instanceof GroupElement group && (group.isAnd() || group.isOr()) ? firstElements(group) : List.of(first);
    }

    private static Start start(RuleConditionElement first) {
        if (!(first instanceof Pattern pattern) || isInitialFact(pattern)) {
            return Start.ON_ABSENCE; // not, exists, forall, eval, a query, no condition
        }
        if (pattern.getSource() == null) {
            return Start.ON_FACT;
        }
        if (pattern.getSource() instanceof Accumulate accumulate) {
            return accumulate.getNestedElements().stream().allMatch(SessionReuse::overFacts) ? Start.ACCUMULATE : Start.ON_ABSENCE;
        }
        if (pattern.getSource() instanceof Collect collect) {
            return overFacts(collect.getSourcePattern()) ? Start.ACCUMULATE : Start.ON_ABSENCE;
        }
        return Start.ON_ABSENCE; // from an expression, or from an entry point other than the one facts are inserted into
    }

    private static boolean overFacts(RuleConditionElement element) {
        return element instanceof Pattern pattern && pattern.getSource() == null && !isInitialFact(pattern);
    }

    private static boolean isInitialFact(Pattern pattern) {
        return pattern.getObjectType() instanceof ClassObjectType type
                && org.drools.base.InitialFact.class.isAssignableFrom(type.getClassType());
    }
}
