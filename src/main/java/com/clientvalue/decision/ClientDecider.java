package com.clientvalue.decision;

import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.ServiceDefinition;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The one path of every decision: inputs as of a date → one rule version → outcome, fired rules
 * and transitions → audit record → answer. Nothing is answered that is not in the audit.
 */
@Singleton
public class ClientDecider {
    private final DecisionInputs inputs;
    private final ActiveRuleBase rules;
    private final DecisionEvaluator evaluator;
    private final GroupCommit recorder;
    private final ServiceGrants grants;
    private final Clock clock;
    private final PriorFacts priorFacts;
    // ids in time order (UUID version 7): the audit's primary key and the tables keyed by it grow at
    // their end instead of at random pages, which keeps writes cheap as the audit grows past memory
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    ClientDecider(DecisionInputs inputs, ActiveRuleBase rules, DecisionEvaluator evaluator, GroupCommit recorder,
                  ServiceGrants grants, Clock clock, PriorFacts priorFacts) {
        this.priorFacts = priorFacts;
        this.inputs = inputs;
        this.rules = rules;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * A decision as audited: the decision and the JSON document stored in the audit, which is what the
     * API answers, byte for byte (the document is written once, not again for the answer).
     */
    public record Answered(Decision decision, String document) {
    }

    public Decision decide(String clientId, LocalDate asOf) {
        return decideAll(List.of(clientId), asOf).get(0);
    }

    /** {@link #decideAll}, with each decision's audited document. */
    public List<Answered> decideAnswered(List<String> clientIds, LocalDate asOf) {
        return decideAnswered(clientIds, asOf, Explanations.LANGUAGES.get(0));
    }

    /** The same, explained in a language (en, it). */
    public List<Answered> decideAnswered(List<String> clientIds, LocalDate asOf, String language) {
        List<Decision> decisions = prepare(clientIds, asOf, language);
        return answered(decisions, recorder.record(decisions, null));
    }

    private static List<Answered> answered(List<Decision> decisions, List<com.clientvalue.audit.AuditTrail.Sealed> sealed) {
        List<Answered> answers = new java.util.ArrayList<>(decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            answers.add(new Answered(decisions.get(i), sealed.get(i).entry().document()));
        }
        return answers;
    }

    /** Decides each client once, in the order given; any unknown client and nothing is decided. */
    public List<Decision> decideAll(List<String> clientIds, LocalDate asOf) {
        return decideAll(clientIds, asOf, null);
    }

    /** The same, on behalf of a batch job: the audit records the job, which is how it knows its progress. */
    public List<Decision> decideAll(List<String> clientIds, LocalDate asOf, Long jobId) {
        List<Decision> decisions = prepare(clientIds, asOf);
        record(decisions, jobId);
        return decisions;
    }

    /**
     * The first half of {@link #decideAll}: inputs loaded and evaluated, nothing recorded. Only for a
     * job that records one chunk while it prepares the next; these decisions must reach
     * {@link #record} before anything is said about them.
     */
    public List<Decision> prepare(List<String> clientIds, LocalDate asOf) {
        return prepare(clientIds, asOf, Explanations.LANGUAGES.get(0));
    }

    private List<Decision> prepare(List<String> clientIds, LocalDate asOf, String language) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        RuleBase ruleBase = rules.current();
        List<DecisionInputs.Inputs> loaded = inputs.load(List.copyOf(new LinkedHashSet<>(clientIds)), date);
        // evaluations are independent (a session each): a batch uses every core
        List<Decision> decisions = (loaded.size() > 1 ? loaded.parallelStream() : loaded.stream()).map(in -> decision(in, ruleBase, language))
                .toList();
        return priorFacts.explainChanges(decisions);
    }

    /** The second half: the decisions audited (group commit), on behalf of a job when jobId is set. */
    public void record(List<Decision> decisions, Long jobId) {
        recorder.record(decisions, jobId);
    }

    /**
     * A job's chunk evaluated and its audit records sealed (documents serialized, hashed, compressed),
     * nothing recorded: the job seals a chunk while the chunk before it is written, so the write only writes.
     * It must reach {@link #record(Prepared)} before anything is said about these decisions.
     */
    public record Prepared(List<Decision> decisions, List<com.clientvalue.audit.AuditTrail.Sealed> sealed) {
    }

    public Prepared prepareSealed(List<String> clientIds, LocalDate asOf, long jobId) {
        List<Decision> decisions = prepare(clientIds, asOf);
        return new Prepared(decisions, recorder.seal(decisions, jobId));
    }

    public void record(Prepared prepared) {
        recorder.recordSealed(prepared.decisions(), prepared.sealed());
    }

    /** The same, kept only if {@code condition}, run in the audit's transaction, does not throw (see GroupCommit). */
    public void record(Prepared prepared, Runnable condition) {
        recorder.recordSealed(prepared.decisions(), prepared.sealed(), condition);
    }

    /** Decides a client together with a request for a service; a granted request is recorded. */
    public Decision decideRequest(ServiceRequestBody body) {
        return decideRequestAnswered(body).decision();
    }

    /** {@link #decideRequest}, with the decision's audited document. */
    public Answered decideRequestAnswered(ServiceRequestBody body) {
        return decideRequestAnswered(body, Explanations.LANGUAGES.get(0));
    }

    /** The same, explained in a language (en, it). */
    public Answered decideRequestAnswered(ServiceRequestBody body, String language) {
        LocalDate date = body.asOf() != null ? body.asOf() : LocalDate.now(clock);
        RuleBase ruleBase = rules.current();
        ServiceDefinition service = ruleBase.vocabulary().service(body.service())
                .orElseThrow(() -> new UnknownService(body.service(),
                        ruleBase.vocabulary().services().stream().map(ServiceDefinition::code).toList()));
        return grants.oneRequestAtATime(body.clientId(), () -> {
            Decision decision = priorFacts.explainChanges(List.of(decision(inputs.loadRequest(body, service, date, clock.instant()),
                    ruleBase, language))).get(0);
            return answered(List.of(decision), recorder.record(List.of(decision), null)).get(0);
        });
    }

    private Decision decision(DecisionInputs.Inputs in, RuleBase ruleBase, String language) {
        Evaluation evaluation = evaluator.evaluate(in.facts(), in.previous(), in.request(), ruleBase);
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Explanations.Explained explained = Explanations.of(evaluation.firedRules(), in.facts(), evaluation.outcome(), in.request(),
                ruleBase, language);
        List<ExplanationLine> lines = explained.lines();
        ServiceAnswer answer = evaluation.outcome().serviceAnswer();
        if (in.request() != null && answer != null && !answer.granted()) {
            // what the person asking could change: the same facts and rules, another request
            List<ExplanationLine> withAlternatives = new java.util.ArrayList<>(lines);
            for (Explanations.Alternative alternative : Explanations.alternatives(in.request())) {
                ServiceAnswer other = evaluator.evaluate(in.facts(), in.previous(), alternative.request(), ruleBase).outcome().serviceAnswer();
                if (other != null && other.granted()) {
                    withAlternatives.add(Explanations.alternativeLine(alternative, other.ruleIds(), language));
                }
            }
            lines = List.copyOf(withAlternatives);
        }
        return new Decision(ids.generate().toString(), in.facts().clientId(), in.facts().asOf(), evaluation.ruleVersion(),
                decidedAt, in.whatIf(), in.facts(), in.previous(), in.request(), evaluation.outcome(), evaluation.firedRules(),
                evaluation.reasons(), Transitions.between(in.previous(), evaluation.outcome()), language, lines, explained.technical());
    }
}
