package com.clientvalue.client;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import java.math.BigDecimal;

/**
 * ABC cut-offs as cumulative shares of the portfolio's positive revenue, in percent.
 * A client is A while the share before it is below aCutoffPercent, B below bCutoffPercent.
 */
@ConfigurationProperties("portfolio.abc")
record AbcConfig(@DecimalMin("0") @DecimalMax("100") BigDecimal aCutoffPercent,
                 @DecimalMin("0") @DecimalMax("100") BigDecimal bCutoffPercent) {
}
