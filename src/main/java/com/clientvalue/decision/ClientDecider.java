package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.ClientNotFound;
import com.clientvalue.client.FactsLoader;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one path of every decision: facts as of a date → one rule version → outcome and fired rules
 * → audit record → answer. Nothing is answered that is not in the audit.
 */
@Singleton
public class ClientDecider {
    private final FactsLoader facts;
    private final ActiveRuleBase rules;
    private final DecisionEvaluator evaluator;
    private final DecisionRecorder recorder;
    private final Clock clock;

    ClientDecider(FactsLoader facts, ActiveRuleBase rules, DecisionEvaluator evaluator, DecisionRecorder recorder,
                  Clock clock) {
        this.facts = facts;
        this.rules = rules;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.clock = clock;
    }

    public Decision decide(String clientId, LocalDate asOf) {
        return decideAll(List.of(clientId), asOf).get(0);
    }

    /** Decides each client once, in the order given; any unknown client and nothing is decided. */
    public List<Decision> decideAll(List<String> clientIds, LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        List<String> ids = List.copyOf(new LinkedHashSet<>(clientIds));
        Map<String, ClientFacts> byId = facts.loadMany(ids, date).stream()
                .collect(Collectors.toMap(ClientFacts::clientId, Function.identity()));
        List<String> missing = ids.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new ClientNotFound(String.join("', '", missing));
        }
        RuleBase ruleBase = rules.current();
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Decision> decisions = new ArrayList<>(ids.size());
        for (String id : ids) {
            ClientFacts clientFacts = byId.get(id);
            Evaluation evaluation = evaluator.evaluate(clientFacts, ruleBase);
            Decision decision = new Decision(UUID.randomUUID().toString(), id, date, evaluation.ruleVersion(), decidedAt,
                    clientFacts, evaluation.outcome(), evaluation.firedRules(), evaluation.reasons());
            decisions.add(decision);
        }
        recorder.record(decisions);
        return decisions;
    }
}
