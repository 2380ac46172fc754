package com.clientvalue.portfolio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.math.BigDecimal;

/**
 * Customer lifetime value parameters.
 *
 * @param marginRate   gross margin on revenue, until orders carry their own margin
 * @param discountRate yearly discount rate d
 */
@ConfigurationProperties("portfolio.clv")
record ClvConfig(@Bindable(defaultValue = "0.30") BigDecimal marginRate,
                 @Bindable(defaultValue = "0.10") BigDecimal discountRate) {
}
