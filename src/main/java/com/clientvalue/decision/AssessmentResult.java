package com.clientvalue.decision;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.Dimension;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the scoring tables made of the client's latest assessment (rules/assessment). riskScore and
 * opportunityScore are weighted means of the five ratings, sum(weight x rating) / sum(weight), 1-5
 * with two decimals; volume is the client's ABC revenue class; position is the matrix cell the
 * table names; criticalDimensions are the dimensions an action of the plan addresses.
 */
@Serdeable
public record AssessmentResult(LocalDate assessedOn, @Nullable BigDecimal riskScore, @Nullable BigDecimal opportunityScore,
                               @Nullable Band riskBand, @Nullable Band opportunityBand, AbcClass volume,
                               @Nullable String position, List<Dimension> criticalDimensions) {
}
