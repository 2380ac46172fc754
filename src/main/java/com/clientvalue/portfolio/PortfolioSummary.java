package com.clientvalue.portfolio;

import com.clientvalue.client.AbcCutoffs;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The portfolio as of a date under one rule version: counts and revenue per cluster and per ABC
 * class, and the ABC cut-offs used.
 */
@Serdeable
public record PortfolioSummary(LocalDate asOf, String ruleVersion, long clients, BigDecimal revenue12m,
                               List<SegmentFigures> byCluster, List<SegmentFigures> byAbcClass, AbcCutoffs abcCutoffs) {
}
