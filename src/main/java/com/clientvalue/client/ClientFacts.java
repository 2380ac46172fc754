package com.clientvalue.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything the rules may read about a client as of a date: stored data, figures derived from
 * its orders, and its place in the portfolio. An immutable input: rules never change it.
 *
 * @param revenue12m         sum of the totals of orders dated within 365 days up to asOf, credit notes included
 * @param orders12m          orders in that window with a positive total
 * @param firstOrderDate     earliest order with a positive total up to asOf
 * @param lastOrderDate      latest order with a positive total up to asOf
 * @param daysSinceLastOrder days from lastOrderDate to asOf; null without such an order
 * @param abcClass           Pareto class of revenue12m in the whole portfolio as of asOf
 */
@Serdeable
public record ClientFacts(
        String clientId,
        LocalDate asOf,
        String name,
        String country,
        @Nullable String sector,
        @Nullable Integer employees,
        @Nullable Integer potential,
        BigDecimal revenue12m,
        int orders12m,
        @Nullable LocalDate firstOrderDate,
        @Nullable LocalDate lastOrderDate,
        @Nullable Integer daysSinceLastOrder,
        AbcClass abcClass) {
}
