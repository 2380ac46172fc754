package com.clientvalue.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Working fact: the weighted means of the latest assessment's ratings, 1 to 5, two decimals
 * (half up): riskScore = sum(weight x risk) / sum(weight), opportunityScore likewise.
 */
public record AssessmentScore(BigDecimal riskScore, BigDecimal opportunityScore) {

    /** The scores over these weighted ratings (at least one, all weights above zero). */
    public static AssessmentScore of(Collection<?> weighted) {
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal risk = BigDecimal.ZERO;
        BigDecimal opportunity = BigDecimal.ZERO;
        for (Object fact : weighted) {
            WeightedRating rating = (WeightedRating) fact;
            weights = weights.add(rating.weight());
            risk = risk.add(rating.weight().multiply(BigDecimal.valueOf(rating.risk())));
            opportunity = opportunity.add(rating.weight().multiply(BigDecimal.valueOf(rating.opportunity())));
        }
        if (weights.signum() <= 0) {
            throw new IllegalArgumentException("an assessment score needs at least one dimension with a weight above zero");
        }
        return new AssessmentScore(risk.divide(weights, 2, RoundingMode.HALF_UP), opportunity.divide(weights, 2, RoundingMode.HALF_UP));
    }
}
