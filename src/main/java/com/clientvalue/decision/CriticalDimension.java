package com.clientvalue.decision;

import com.clientvalue.client.Dimension;

/** Outcome fact: a dimension of the latest assessment the rules call critical; the action plan addresses it. */
public record CriticalDimension(Dimension dimension) {
}
