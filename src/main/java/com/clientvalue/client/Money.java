package com.clientvalue.client;

import java.math.BigDecimal;

final class Money {
    private Money() {
    }

    /** Amounts as people write them: at least two decimals, no trailing zeros beyond. */
    static BigDecimal normalize(BigDecimal amount) {
        if (amount == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
