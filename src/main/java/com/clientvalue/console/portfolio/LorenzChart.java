package com.clientvalue.console.portfolio;

import com.clientvalue.portfolio.Concentration;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Lorenz curve drawn in an SVG square of {@link #SIZE} units (origin bottom left, as the figure
 * is read): the points of the curve the concentration use case computed, nothing recomputed.
 */
public record LorenzChart(Concentration concentration) {
    public static final int SIZE = 260;

    public boolean drawable() {
        return !concentration.lorenz().isEmpty();
    }

    /** The curve as the points attribute of a polyline. */
    public String points() {
        return concentration.lorenz().stream()
                .map(p -> x(p.clientShare().doubleValue()) + "," + y(p.valueShare().doubleValue()))
                .collect(Collectors.joining(" "));
    }

    /** The share of the value held by the smallest clients making up this share of the clients (0.5: half). */
    public double valueShareAt(int percentOfClients) {
        return concentration.lorenz().get(percentOfClients).valueShare().doubleValue();
    }

    private static String x(double share) {
        return String.format(Locale.ROOT, "%.1f", share * SIZE);
    }

    private static String y(double share) {
        return String.format(Locale.ROOT, "%.1f", SIZE - share * SIZE);
    }
}
