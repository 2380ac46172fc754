package com.clientvalue.client;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;

/**
 * One dimension of a client's latest assessment, as the rules see it: risk (danger of losing
 * business) and opportunity (room to develop), each 1 (low) to 5 (high).
 */
@Serdeable
public record DimensionRating(Dimension dimension, int risk, int opportunity) {

    /** The same ratings on all five dimensions. */
    public static List<DimensionRating> uniform(int risk, int opportunity) {
        return Arrays.stream(Dimension.values()).map(d -> new DimensionRating(d, risk, opportunity)).toList();
    }
}
