package com.clientvalue.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A client's own buying rhythm: the median gap between its distinct positive order dates. */
final class OrderRhythm {
    static final int MIN_DATES = 3;

    private OrderRhythm() {
    }

    /** @param distinctDates ascending distinct dates of positive orders; null when fewer than 3 */
    static BigDecimal medianIntervalDays(List<LocalDate> distinctDates) {
        if (distinctDates.size() < MIN_DATES) {
            return null;
        }
        List<Long> gaps = new ArrayList<>(distinctDates.size() - 1);
        for (int i = 1; i < distinctDates.size(); i++) {
            gaps.add(ChronoUnit.DAYS.between(distinctDates.get(i - 1), distinctDates.get(i)));
        }
        gaps.sort(null);
        int middle = gaps.size() / 2;
        BigDecimal median = gaps.size() % 2 == 1
                ? BigDecimal.valueOf(gaps.get(middle))
                : BigDecimal.valueOf(gaps.get(middle - 1) + gaps.get(middle)).divide(BigDecimal.valueOf(2));
        return median.stripTrailingZeros().scale() < 0 ? median.setScale(0) : median.stripTrailingZeros();
    }

    static BigDecimal silenceRatio(Integer daysSinceLastOrder, BigDecimal medianIntervalDays) {
        if (daysSinceLastOrder == null || medianIntervalDays == null || medianIntervalDays.signum() == 0) {
            return null;
        }
        return BigDecimal.valueOf(daysSinceLastOrder).divide(medianIntervalDays, 2, RoundingMode.HALF_UP);
    }

    static List<LocalDate> parse(String commaSeparatedDates) {
        if (commaSeparatedDates == null || commaSeparatedDates.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(commaSeparatedDates.split(",")).map(LocalDate::parse).toList();
    }
}
