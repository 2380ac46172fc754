package com.clientvalue.console.portfolio;

import com.clientvalue.decision.Cluster;
import com.clientvalue.portfolio.SegmentAnalysis;

import java.time.LocalDate;
import java.util.List;

/** One page of the clients of a cluster, highest lifetime value first. */
public record ClusterPage(LocalDate asOf, Cluster cluster, List<SegmentAnalysis.ClientValue> items, int page, long total,
                          int pages) {
}
