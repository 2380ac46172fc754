package com.clientvalue.decision;

import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Listens to one session: records every fired rule in order and every outcome fact a rule
 * inserted, with the rule that inserted it, since the last {@link #clear()}. One instance per
 * session, never shared. It keeps the compiled rules only (no reference to the RuleBase, so that a
 * session kept by a thread does not keep its rule version alive); descriptors are looked up when
 * the evaluation is read.
 */
final class OutcomeRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    record Inserted(Object fact, RuleDescriptor rule) {
    }

    private final List<Rule> fired = new ArrayList<>();
    private final List<Object> insertedFacts = new ArrayList<>();
    private final List<Rule> insertedBy = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(event.getMatch().getRule());
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) {
            insertedFacts.add(event.getObject());
            insertedBy.add(event.getRule());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // outcomes are inserted, never updated
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // outcomes are inserted, never retracted
    }

    void clear() {
        fired.clear();
        insertedFacts.clear();
        insertedBy.clear();
    }

    List<RuleDescriptor> fired(RuleBase ruleBase) {
        RuleDescriptor[] rules = new RuleDescriptor[fired.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = ruleBase.describe(fired.get(i));
        }
        return List.of(rules);
    }

    List<Inserted> inserted(RuleBase ruleBase) {
        Inserted[] inserted = new Inserted[insertedFacts.size()];
        for (int i = 0; i < inserted.length; i++) {
            inserted[i] = new Inserted(insertedFacts.get(i), ruleBase.describe(insertedBy.get(i)));
        }
        return List.of(inserted);
    }
}
