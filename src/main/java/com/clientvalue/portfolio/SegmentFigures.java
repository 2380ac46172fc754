package com.clientvalue.portfolio;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Clients and their summed revenue12m in one segment (a cluster or an ABC class). */
@Serdeable
public record SegmentFigures(String segment, long clients, BigDecimal revenue12m) {
}
