package com.clientvalue.decision;

import com.clientvalue.client.Dimension;
import com.clientvalue.client.DimensionRating;

import java.math.BigDecimal;

/** Working fact: one dimension's ratings with the weight the scoring table gives that dimension. */
public record WeightedRating(Dimension dimension, BigDecimal weight, int risk, int opportunity) {

    /** As a table row writes it: the rating it matched and the number in its weight cell. */
    public WeightedRating(DimensionRating rating, double weight) {
        this(rating.dimension(), BigDecimal.valueOf(weight), rating.risk(), rating.opportunity());
    }
}
