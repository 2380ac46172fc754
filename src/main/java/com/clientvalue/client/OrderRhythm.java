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
        // MariaDB's own YYYY-MM-DD, read by position: LocalDate.parse's general formatter was a tenth of the
        // time spent loading a decision's inputs
        if (commaSeparatedDates.length() % 11 != 10) {
            throw new IllegalArgumentException("not a list of YYYY-MM-DD dates: " + commaSeparatedDates);
        }
        List<LocalDate> dates = new java.util.ArrayList<>(commaSeparatedDates.length() / 11 + 1);
        for (int at = 0; at < commaSeparatedDates.length(); at += 11) {
            if (at + 10 > commaSeparatedDates.length() || commaSeparatedDates.charAt(at + 4) != '-' || commaSeparatedDates.charAt(at + 7) != '-'
                    || (at + 10 < commaSeparatedDates.length() && commaSeparatedDates.charAt(at + 10) != ',')) {
                throw new IllegalArgumentException("not a list of YYYY-MM-DD dates: " + commaSeparatedDates);
            }
            dates.add(LocalDate.of(digits(commaSeparatedDates, at, 4), digits(commaSeparatedDates, at + 5, 2),
                    digits(commaSeparatedDates, at + 8, 2)));
        }
        return List.copyOf(dates);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a list of YYYY-MM-DD dates: " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
