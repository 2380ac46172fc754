package com.clientvalue.decision;

import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Listens to one evaluation: records every fired rule in order and every outcome fact a rule
 * inserted, with the rule that inserted it. One instance per session, never shared.
 */
final class OutcomeRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    record Inserted(Object fact, RuleDescriptor rule) {
    }

    private final RuleBase ruleBase;
    private final List<RuleDescriptor> fired = new ArrayList<>();
    private final List<Inserted> inserted = new ArrayList<>();

    OutcomeRecorder(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(ruleBase.describe(event.getMatch().getRule()));
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) {
            inserted.add(new Inserted(event.getObject(), ruleBase.describe(event.getRule())));
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

    List<RuleDescriptor> fired() {
        return List.copyOf(fired);
    }

    List<Inserted> inserted() {
        return List.copyOf(inserted);
    }
}
