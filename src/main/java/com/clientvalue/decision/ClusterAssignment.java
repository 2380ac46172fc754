package com.clientvalue.decision;

/** Outcome fact: the cluster decided for the client. Exactly one per decision. */
public record ClusterAssignment(Cluster cluster) {
}
