package com.clientvalue.portfolio;

import com.clientvalue.client.AbcCutoffs;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The portfolio as of a date under one rule version: counts and revenue per cluster, ABC class,
 * lifecycle state and experience segment ("NONE" when no rule decided one), how many clients are
 * lost or inactive and why, and the ABC cut-offs used.
 */
@Serdeable
public record PortfolioSummary(LocalDate asOf, String ruleVersion, long clients, BigDecimal revenue12m,
                               List<SegmentFigures> byCluster, List<SegmentFigures> byAbcClass,
                               List<SegmentFigures> byLifecycle, List<SegmentFigures> byExperienceSegment,
                               List<LossFigures> lostOrInactiveByReason, AbcCutoffs abcCutoffs) {

    /** Lost and inactive clients with one loss reason ("UNKNOWN" when none is recorded). */
    @Serdeable
    public record LossFigures(String reason, long lost, long inactive) {
    }
}
