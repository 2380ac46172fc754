package com.clientvalue.console.portfolio;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Shares (0..1) as the page's language writes percentages: 12.5% or 12,5%. */
public final class Shares {
    private Shares() {
    }

    public static String percent(BigDecimal share, Locale locale) {
        if (share == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    /** A coefficient with 3 decimals always (a Gini of 0.700 is not written 0.7). */
    public static String coefficient(BigDecimal value, Locale locale) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(3);
        format.setMaximumFractionDigits(3);
        return format.format(value);
    }

    /** A figure with up to 3 decimals (a weight). */
    public static String decimal(BigDecimal value, Locale locale) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(3);
        return format.format(value);
    }
}
