package com.clientvalue.decision;

import com.clientvalue.audit.AuditTrail;
import com.clientvalue.audit.LatestDecision;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.ClientNotFound;
import com.clientvalue.client.FactsLoader;
import com.clientvalue.rules.ServiceDefinition;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gathers what a decision reads: the client's facts as of a date and its previous decision.
 * Loads many clients in one go, so that batches and portfolio views cost a few queries.
 */
@Singleton
public class DecisionInputs {
    static final int CHUNK = 1_000;
    private final FactsLoader facts;
    private final AuditTrail audit;
    private final ServiceGrants grants;

    DecisionInputs(FactsLoader facts, AuditTrail audit, ServiceGrants grants) {
        this.facts = facts;
        this.audit = audit;
        this.grants = grants;
    }

    /** The inputs of one client's decision; request only when a service is asked for. */
    public record Inputs(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request) {
    }

    /** Inputs of a service request: the client's, plus the request with the unpaid services granted this year. */
    public Inputs loadRequest(ServiceRequestBody body, ServiceDefinition service, LocalDate asOf) {
        Inputs client = load(List.of(body.clientId()), asOf).get(0);
        BigDecimal discount = body.discountPercent() == null ? BigDecimal.ZERO : body.discountPercent();
        return new Inputs(client.facts(), client.previous(), new ServiceRequest(service.code(), service.category(),
                body.paid(), discount, grants.unpaidGranted12m(body.clientId(), asOf)));
    }

    /** Inputs of these distinct clients, in the order given; any unknown client and none is loaded. */
    public List<Inputs> load(List<String> clientIds, LocalDate asOf) {
        Map<String, ClientFacts> byId = facts.loadMany(clientIds, asOf).stream()
                .collect(Collectors.toMap(ClientFacts::clientId, Function.identity()));
        List<String> missing = clientIds.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new ClientNotFound(String.join("', '", missing));
        }
        Map<String, LatestDecision> latest = audit.latest(clientIds);
        return clientIds.stream().map(id -> new Inputs(byId.get(id), previous(latest.get(id)), null)).toList();
    }

    /** Inputs of every stored client, a chunk at a time, ordered by client id. */
    public void forEachChunk(LocalDate asOf, Consumer<List<Inputs>> consumer) {
        facts.forEachChunk(asOf, CHUNK, chunk -> {
            Map<String, LatestDecision> latest = audit.latest(chunk.stream().map(ClientFacts::clientId).toList());
            consumer.accept(chunk.stream().map(f -> new Inputs(f, previous(latest.get(f.clientId())), null)).toList());
        });
    }

    private static PreviousDecision previous(LatestDecision latest) {
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
