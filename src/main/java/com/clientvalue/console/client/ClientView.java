package com.clientvalue.console.client;

import com.clientvalue.client.Assessment;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.Decision;
import com.clientvalue.decision.ProposedAction;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * What a client's page shows, each part only to the roles the API gives it: the history and the
 * decision to CRM and AUDITOR (as the transition feed), assessments to CRM; null when not shown.
 *
 * @param decision    the decision just made (justDecided) or else the latest in business time
 */
public record ClientView(ClientFacts facts, @Nullable String refusedDate, @Nullable DecisionHistory.Timeline timeline,
                         @Nullable Decision decision, boolean justDecided, @Nullable List<Assessment> assessments,
                         @Nullable List<com.clientvalue.client.Surveys.Survey> surveys,
                         @Nullable com.clientvalue.client.ClientTeam.Team team) {

    /** The first decision of the timeline made as of the survey's date or later: what followed what the client said. */
    public Optional<DecisionHistory.Entry> followedBy(com.clientvalue.client.Surveys.Survey survey) {
        return timeline == null ? Optional.empty() : timeline.entries().stream()
                .filter(e -> !e.summary().asOf().isBefore(survey.surveyDate()))
                .min(java.util.Comparator.comparing((DecisionHistory.Entry e) -> e.summary().asOf())
                        .thenComparing(e -> e.summary().decidedAt()));
    }

    /** The fired rule (file, table, row) that proposed an action of the decision shown. */
    public Optional<RuleDescriptor> ruleOf(ProposedAction action) {
        return decision == null ? Optional.empty()
                : decision.firedRules().stream().filter(r -> r.ruleId().equals(action.ruleId())).findFirst();
    }

    public String link() {
        return ClientLinks.of(facts.clientId());
    }
}
