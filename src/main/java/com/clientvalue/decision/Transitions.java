package com.clientvalue.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What changed between a client's previous decision and a new outcome. */
final class Transitions {
    static final String CLUSTER = "CLUSTER";
    static final String LIFECYCLE = "LIFECYCLE";
    static final String EXPERIENCE = "EXPERIENCE";
    private static final Set<Lifecycle> ACTIVE = Set.of(Lifecycle.NEW, Lifecycle.ACTIVE, Lifecycle.LOYAL);

    private Transitions() {
    }

    static List<Transition> between(PreviousDecision previous, Outcome outcome) {
        if (previous == null) {
            return List.of();
        }
        List<Transition> changes = new ArrayList<>();
        add(changes, CLUSTER, previous.cluster(), outcome.cluster(), previous.decisionId());
        add(changes, LIFECYCLE, previous.lifecycle(), outcome.lifecycle(), previous.decisionId());
        add(changes, EXPERIENCE, previous.experienceSegment(), outcome.experienceSegment(), previous.decisionId());
        return List.copyOf(changes);
    }

    /** The cluster to remember as what the client was while it still bought from us. */
    static Cluster lastActiveCluster(PreviousDecision previous, Outcome outcome) {
        if (outcome.lifecycle() != null && ACTIVE.contains(outcome.lifecycle())) {
            return outcome.cluster();
        }
        return previous == null ? null : previous.lastActiveCluster();
    }

    private static void add(List<Transition> changes, String dimension, Enum<?> from, Enum<?> to, String previousId) {
        if (!Objects.equals(from, to)) {
            changes.add(new Transition(dimension, from == null ? null : from.name(), to == null ? null : to.name(), previousId));
        }
    }
}
