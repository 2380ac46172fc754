package com.clientvalue.portfolio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.math.BigDecimal;

/**
 * Customer lifetime value parameters.
 *
 * @param marginRate   margin rate on the total of an order imported without a margin
 * @param discountRate yearly discount rate d
 */
@ConfigurationProperties("portfolio.clv")
record ClvConfig(@Bindable(defaultValue = "0.30") BigDecimal marginRate,
                 @Bindable(defaultValue = "0.10") BigDecimal discountRate) {
}
