package com.clientvalue.console.client;

import com.clientvalue.audit.AuditPage;
import com.clientvalue.audit.AuditQuery;
import com.clientvalue.audit.AuditSummary;
import com.clientvalue.audit.AuditTrail;
import com.clientvalue.audit.LatestDecisions;
import com.clientvalue.decision.Decision;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A client's decisions as the audit keeps them: the latest ones (decision time, newest first) with
 * their documents, and its latest decision in business time, the one the next decision compares with.
 */
@Singleton
public class DecisionHistory {
    static final int SHOWN = 25;
    private final AuditQuery audit;
    private final AuditTrail trail;
    private final LatestDecisions latest;
    private final JsonMapper json;

    DecisionHistory(AuditQuery audit, AuditTrail trail, LatestDecisions latest, JsonMapper json) {
        this.audit = audit;
        this.trail = trail;
        this.latest = latest;
        this.json = json;
    }

    /** An audited decision: its line in the audit and the document answered. */
    public record Entry(AuditSummary summary, Decision decision) {
    }

    /** The newest decisions of the client and how many it has in all. */
    public record Timeline(List<Entry> entries, long total) {
    }

    Timeline timeline(String clientId) {
        AuditPage page = audit.find(new AuditQuery.Filter(clientId, null, null, null, null, null, null, null, null), 0, SHOWN);
        return new Timeline(page.items().stream().map(s -> new Entry(s, document(s.decisionId()).orElseThrow())).toList(),
                page.total());
    }

    Optional<Decision> latest(String clientId) {
        return Optional.ofNullable(latest.latest(Set.of(clientId)).get(clientId)).flatMap(l -> document(l.decisionId()));
    }

    /** A decision of this client (one of another client is not shown on its page). */
    Optional<Decision> of(String clientId, String decisionId) {
        return document(decisionId).filter(d -> d.clientId().equals(clientId));
    }

    private Optional<Decision> document(String decisionId) {
        return trail.document(decisionId).map(this::read);
    }

    private Decision read(String document) {
        try {
            return json.readValue(document, Decision.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
