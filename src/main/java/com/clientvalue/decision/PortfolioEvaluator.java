package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Evaluates every stored client as a decision would (same inputs, same rule version for all),
 * without auditing: for portfolio views, which describe and do not decide. The parts of a portfolio
 * screen ask for the same evaluation at once: for a portfolio of up to {@link #SHARED_UP_TO} clients
 * one evaluation serves every caller with the same date, rule version and portfolio state (facts and
 * latest decisions unchanged), kept for {@link #KEPT} after it is done.
 */
@Singleton
public class PortfolioEvaluator {
    static final int SHARED_UP_TO = 10_000;
    static final java.time.Duration KEPT = java.time.Duration.ofSeconds(30);
    private final DecisionInputs inputs;
    private final ActiveRuleBase rules;
    private final DecisionEvaluator evaluator;
    private final PortfolioState state;
    private final java.util.concurrent.ConcurrentHashMap<Key, Shared> shared = new java.util.concurrent.ConcurrentHashMap<>();

    PortfolioEvaluator(DecisionInputs inputs, ActiveRuleBase rules, DecisionEvaluator evaluator, PortfolioState state) {
        this.inputs = inputs;
        this.rules = rules;
        this.evaluator = evaluator;
        this.state = state;
    }

    private record Key(LocalDate asOf, String version, PortfolioState.State state) {
    }

    private record Evaluated(ClientFacts facts, Evaluation evaluation) {
    }

    private record Shared(java.util.concurrent.CompletableFuture<List<Evaluated>> result, long startedNanos) {
    }

    /** @return the rule version every client was evaluated with */
    public String evaluateAll(LocalDate asOf, BiConsumer<ClientFacts, Evaluation> consumer) {
        RuleBase ruleBase = rules.current();
        PortfolioState.State now = state.now();
        if (now.clients() > SHARED_UP_TO) {
            evaluate(asOf, ruleBase, consumer);
            return ruleBase.version();
        }
        long started = System.nanoTime();
        shared.values().removeIf(s -> s.result().isDone() && started - s.startedNanos() > KEPT.toNanos());
        Shared mine = new Shared(new java.util.concurrent.CompletableFuture<>(), started);
        Shared existing = shared.putIfAbsent(new Key(asOf, ruleBase.version(), now), mine);
        if (existing == null) {
            List<Evaluated> all = new java.util.ArrayList<>();
            try {
                evaluate(asOf, ruleBase, (facts, evaluation) -> all.add(new Evaluated(facts, evaluation)));
            } catch (RuntimeException | Error e) {
                shared.remove(new Key(asOf, ruleBase.version(), now), mine);
                mine.result().completeExceptionally(e);
                throw e;
            }
            mine.result().complete(List.copyOf(all));
        }
        List<Evaluated> evaluated;
        try {
            evaluated = (existing == null ? mine : existing).result().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        evaluated.forEach(e -> consumer.accept(e.facts(), e.evaluation()));
        return ruleBase.version();
    }

    private void evaluate(LocalDate asOf, RuleBase ruleBase, BiConsumer<ClientFacts, Evaluation> consumer) {
        // evaluations are independent (a session each): a chunk is spread over the cores, then handed over in order
        inputs.forEachChunk(asOf, chunk -> {
            List<Evaluation> evaluations = chunk.parallelStream()
                    .map(in -> evaluator.evaluate(in.facts(), in.previous(), null, ruleBase)).toList();
            for (int i = 0; i < chunk.size(); i++) {
                consumer.accept(chunk.get(i).facts(), evaluations.get(i));
            }
        });
    }
}
