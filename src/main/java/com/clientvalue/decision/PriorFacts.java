package com.clientvalue.decision;

import com.clientvalue.audit.AuditTrail;
import com.clientvalue.client.ClientFacts;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explains what changed: for the decisions whose cluster, lifecycle or experience moved since the
 * previous decision, the previous decision's facts and rule version are read from its audited
 * document (one statement for all of them; only changed decisions pay it) and the explanation says
 * which quoted figures moved.
 */
@Singleton
class PriorFacts {
    private static final Logger LOG = LoggerFactory.getLogger(PriorFacts.class);
    private final AuditTrail audit;
    private final JsonMapper json;

    PriorFacts(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    List<Decision> explainChanges(List<Decision> decisions) {
        Set<String> previous = new LinkedHashSet<>();
        for (Decision decision : decisions) {
            if (!decision.transitions().isEmpty() && decision.previousDecision() != null) {
                previous.add(decision.previousDecision().decisionId());
            }
        }
        if (previous.isEmpty()) {
            return decisions;
        }
        Map<String, String> documents = audit.documents(previous);
        List<Decision> explained = new ArrayList<>(decisions.size());
        for (Decision decision : decisions) {
            String document = decision.previousDecision() == null || decision.transitions().isEmpty() ? null
                    : documents.get(decision.previousDecision().decisionId());
            explained.add(document == null ? decision : explain(decision, document));
        }
        return explained;
    }

    private Decision explain(Decision decision, String previousDocument) {
        try {
            JsonNode prior = json.readValue(previousDocument, JsonNode.class);
            ClientFacts facts = json.readValueFromTree(prior.get("facts"), ClientFacts.class);
            String version = prior.get("ruleVersion").getStringValue();
            List<ExplanationLine> lines = Explanations.withChanges(decision.explanation(), decision.transitions(), decision.facts(),
                    facts, version, decision.ruleVersion(), decision.language());
            return new Decision(decision.decisionId(), decision.clientId(), decision.asOf(), decision.ruleVersion(), decision.decidedAt(),
                    decision.whatIf(), decision.facts(), decision.previousDecision(), decision.serviceRequest(), decision.outcome(),
                    decision.firedRules(), decision.reasons(), decision.transitions(), decision.language(), lines,
                    decision.technicalExplanation());
        } catch (IOException | RuntimeException e) {
            // a document of an older shape: the decision stands, its change is only listed in transitions
            LOG.debug("The previous decision {} could not be read to explain the change: {}", decision.previousDecision().decisionId(),
                    e.getMessage());
            return decision;
        }
    }
}
