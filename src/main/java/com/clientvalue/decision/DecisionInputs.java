package com.clientvalue.decision;

import com.clientvalue.audit.LatestDecision;
import com.clientvalue.audit.LatestDecisions;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.ClientNotFound;
import com.clientvalue.client.FactsLoader;
import com.clientvalue.rules.ServiceDefinition;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gathers what a decision reads: the client's facts as of a date and its previous decision in
 * business time (the latest with an asOf up to that date).
 * Loads many clients in one go, so that batches and portfolio views cost a few queries.
 */
@Singleton
public class DecisionInputs {
    static final int CHUNK = 1_000;
    private final FactsLoader facts;
    private final LatestDecisions latest;
    private final ServiceGrants grants;

    DecisionInputs(FactsLoader facts, LatestDecisions latest, ServiceGrants grants) {
        this.facts = facts;
        this.latest = latest;
        this.grants = grants;
    }

    /**
     * The inputs of one client's decision; request only when a service is asked for. previous is the
     * client's latest decision in business time up to the asOf; whatIf says the asOf is before the
     * client's latest decided asOf.
     */
    public record Inputs(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request, boolean whatIf) {
    }

    /** What a decision follows in business time, and whether it is back-dated. */
    private record Prior(@Nullable PreviousDecision previous, boolean whatIf) {
    }

    /**
     * Inputs of a service request: the client's, plus the request with the unpaid services granted in
     * the year before now (decision time, whatever the asOf).
     */
    public Inputs loadRequest(ServiceRequestBody body, ServiceDefinition service, LocalDate asOf, Instant now) {
        Inputs client = load(List.of(body.clientId()), asOf).get(0);
        BigDecimal discount = body.discountPercent() == null ? BigDecimal.ZERO : body.discountPercent();
        return new Inputs(client.facts(), client.previous(), new ServiceRequest(service.code(), service.category(),
                body.paid(), discount, grants.unpaidGranted12m(body.clientId(), now)), client.whatIf());
    }

    /** Inputs of these distinct clients, in the order given; any unknown client and none is loaded. */
    public List<Inputs> load(List<String> clientIds, LocalDate asOf) {
        Map<String, ClientFacts> byId = facts.loadMany(clientIds, asOf).stream()
                .collect(Collectors.toMap(ClientFacts::clientId, Function.identity()));
        List<String> missing = clientIds.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new ClientNotFound(String.join("', '", missing));
        }
        Map<String, Prior> priors = priors(clientIds, asOf);
        return clientIds.stream().map(id -> inputs(byId.get(id), priors.get(id))).toList();
    }

    /** Inputs of every stored client, a chunk at a time, ordered by client id. */
    public void forEachChunk(LocalDate asOf, Consumer<List<Inputs>> consumer) {
        facts.forEachChunk(asOf, CHUNK, chunk -> {
            Map<String, Prior> priors = priors(chunk.stream().map(ClientFacts::clientId).toList(), asOf);
            consumer.accept(chunk.stream().map(f -> inputs(f, priors.get(f.clientId()))).toList());
        });
    }

    private static Inputs inputs(ClientFacts facts, @Nullable Prior prior) {
        return prior == null ? new Inputs(facts, null, null, false) : new Inputs(facts, prior.previous(), null, prior.whatIf());
    }

    // the latest decision in business time answers for most clients; only back-dated ones look further back
    private Map<String, Prior> priors(List<String> clientIds, LocalDate asOf) {
        Map<String, LatestDecision> latestOf = latest.latest(clientIds);
        List<String> backDated = latestOf.values().stream().filter(l -> l.asOf().isAfter(asOf)).map(LatestDecision::clientId).toList();
        Map<String, LatestDecision> earlier = latest.latestAsOf(backDated, asOf);
        Map<String, Prior> priors = new HashMap<>();
        latestOf.forEach((id, decision) -> priors.put(id, decision.asOf().isAfter(asOf)
                ? new Prior(previous(earlier.get(id)), true) : new Prior(previous(decision), false)));
        return priors;
    }

    private static PreviousDecision previous(@Nullable LatestDecision latest) {
        if (latest == null) {
            return null;
        }
        return new PreviousDecision(latest.decisionId(), parse(Cluster.class, latest.cluster()),
                parse(Lifecycle.class, latest.lifecycle()), parse(ExperienceSegment.class, latest.experienceSegment()),
                parse(Cluster.class, latest.lastActiveCluster()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
