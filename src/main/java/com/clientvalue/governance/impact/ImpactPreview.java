package com.clientvalue.governance.impact;

import com.clientvalue.decision.DecisionEvaluator;
import com.clientvalue.decision.DecisionInputs;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.ExplanationLine;
import com.clientvalue.decision.Explanations;
import com.clientvalue.decision.OutcomeSummary;
import com.clientvalue.decision.ServiceRequest;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Evaluates a candidate rule set beside the active one over every stored client, with the same
 * inputs as decisions, and counts what would change. Writes nothing.
 */
@Singleton
public class ImpactPreview {
    /** The probe for service entitlement: an unpaid standard service, the client's first this year. */
    static final ServiceRequest PROBE = new ServiceRequest("PROBE", "STANDARD", false, BigDecimal.ZERO, 0);

    private final DecisionInputs inputs;
    private final ActiveRuleBase rules;
    private final DecisionEvaluator evaluator;

    ImpactPreview(DecisionInputs inputs, ActiveRuleBase rules, DecisionEvaluator evaluator) {
        this.inputs = inputs;
        this.rules = rules;
        this.evaluator = evaluator;
    }

    public ImpactReport preview(RuleBase candidate, LocalDate asOf, int sampleSize) {
        return preview(candidate, asOf, sampleSize, evaluated -> { });
    }

    public ImpactReport preview(RuleBase candidate, LocalDate asOf, int sampleSize, LongConsumer evaluated) {
        return preview(candidate, asOf, sampleSize, Explanations.LANGUAGES.get(0), evaluated);
    }

    /**
     * The same preview, the sample explained in a language (en, it), telling how many clients are
     * evaluated so far after each chunk of them.
     */
    public ImpactReport preview(RuleBase candidate, LocalDate asOf, int sampleSize, String language, LongConsumer evaluated) {
        long started = System.nanoTime();
        RuleBase current = rules.current();
        Tally tally = new Tally(sampleSize);
        // evaluations are independent (a session each): a chunk is spread over the cores, then tallied in order
        inputs.forEachChunk(asOf, chunk -> {
            chunk.parallelStream()
                    .map(in -> new ImpactReport.AffectedClient(in.facts().clientId(),
                            OutcomeSummary.of(evaluator.evaluate(in.facts(), in.previous(), PROBE, current).outcome()),
                            OutcomeSummary.of(evaluator.evaluate(in.facts(), in.previous(), PROBE, candidate).outcome())))
                    .toList()
                    .forEach(both -> tally.add(both.clientId(), both.active(), both.candidate()));
            evaluated.accept(tally.clients);
        });
        return new ImpactReport(asOf, current.version(), candidate.version(), tally.clients,
                new ImpactReport.Changes(tally.anything, tally.cluster, tally.lifecycle, tally.experience, tally.actions,
                        tally.entitlement),
                cells(tally.clusterMatrix), cells(tally.lifecycleMatrix), cells(tally.experienceMatrix),
                cells(tally.entitlementMatrix), explained(tally.sample, asOf, current, candidate, language),
                (System.nanoTime() - started) / 1_000_000);
    }

    // the sample's clients evaluated again, to show the explanation under each version side by side
    // (only the sample: explaining every client of the portfolio would cost the preview its speed)
    private List<ImpactReport.AffectedClient> explained(List<ImpactReport.AffectedClient> sample, LocalDate asOf, RuleBase current,
                                                        RuleBase candidate, String language) {
        if (sample.isEmpty()) {
            return List.of();
        }
        Map<String, DecisionInputs.Inputs> byClient = new java.util.HashMap<>();
        for (DecisionInputs.Inputs in : inputs.load(sample.stream().map(ImpactReport.AffectedClient::clientId).toList(), asOf)) {
            byClient.put(in.facts().clientId(), in);
        }
        List<ImpactReport.AffectedClient> explained = new ArrayList<>(sample.size());
        for (ImpactReport.AffectedClient client : sample) {
            DecisionInputs.Inputs in = byClient.get(client.clientId());
            explained.add(in == null ? client : new ImpactReport.AffectedClient(client.clientId(), client.active(), client.candidate(),
                    explanation(in, current, language), explanation(in, candidate, language)));
        }
        return List.copyOf(explained);
    }

    private List<String> explanation(DecisionInputs.Inputs in, RuleBase ruleBase, String language) {
        Evaluation evaluation = evaluator.evaluate(in.facts(), in.previous(), PROBE, ruleBase);
        return Explanations.of(evaluation.firedRules(), in.facts(), evaluation.outcome(), PROBE, ruleBase, language).lines().stream()
                .map(ExplanationLine::text).toList();
    }

    private static List<ImpactReport.Cell> cells(Map<String, Long> matrix) {
        List<ImpactReport.Cell> cells = new ArrayList<>();
        matrix.forEach((key, count) -> {
            String[] fromTo = key.split("\u0000");
            cells.add(new ImpactReport.Cell(fromTo[0], fromTo[1], count));
        });
        return cells;
    }

    private static final class Tally {
        final int sampleSize;
        final List<ImpactReport.AffectedClient> sample = new ArrayList<>();
        final Map<String, Long> clusterMatrix = new TreeMap<>();
        final Map<String, Long> lifecycleMatrix = new TreeMap<>();
        final Map<String, Long> experienceMatrix = new TreeMap<>();
        final Map<String, Long> entitlementMatrix = new TreeMap<>();
        long clients;
        long anything;
        long cluster;
        long lifecycle;
        long experience;
        long actions;
        long entitlement;

        Tally(int sampleSize) {
            this.sampleSize = sampleSize;
        }

        void add(String clientId, OutcomeSummary before, OutcomeSummary after) {
            clients++;
            clusterMatrix.merge(name(before.cluster()) + "\u0000" + name(after.cluster()), 1L, Long::sum);
            lifecycleMatrix.merge(name(before.lifecycle()) + "\u0000" + name(after.lifecycle()), 1L, Long::sum);
            experienceMatrix.merge(name(before.experienceSegment()) + "\u0000" + name(after.experienceSegment()), 1L, Long::sum);
            entitlementMatrix.merge(entitlement(before.freeServiceGranted()) + "\u0000" + entitlement(after.freeServiceGranted()),
                    1L, Long::sum);
            cluster += differs(before.cluster(), after.cluster());
            lifecycle += differs(before.lifecycle(), after.lifecycle());
            experience += differs(before.experienceSegment(), after.experienceSegment());
            actions += differs(before.actions(), after.actions());
            entitlement += differs(before.freeServiceGranted(), after.freeServiceGranted());
            if (!before.equals(after)) {
                anything++;
                if (sample.size() < sampleSize) {
                    sample.add(new ImpactReport.AffectedClient(clientId, before, after));
                }
            }
        }

        private static long differs(Object a, Object b) {
            return Objects.equals(a, b) ? 0 : 1;
        }

        private static String name(Enum<?> value) {
            return value == null ? "NONE" : value.name();
        }

        private static String entitlement(Boolean granted) {
            return granted == null ? "NONE" : granted ? ImpactReport.GRANTED : ImpactReport.REFUSED;
        }
    }
}
