package com.clientvalue.console.portfolio;

import com.clientvalue.portfolio.ParetoAnalysis;

import java.util.List;
import java.util.Locale;

/**
 * The customer pyramid drawn as centred bars, A on top: each bar as wide as its class's share of
 * the clients, so that the few A clients make the point and the many C clients the base.
 */
public record PyramidChart(ParetoAnalysis analysis) {
    public static final int WIDTH = 360;
    public static final int BAR = 44;

    public List<ParetoAnalysis.ClassFigures> classes() {
        return analysis.classes();
    }

    public boolean drawable() {
        return !analysis.classes().isEmpty() && analysis.clients() > 0;
    }

    public String width(ParetoAnalysis.ClassFigures figures) {
        return format(barWidth(figures));
    }

    public String x(ParetoAnalysis.ClassFigures figures) {
        return format((WIDTH - barWidth(figures)) / 2);
    }

    public int y(int index) {
        return index * (BAR + 6);
    }

    public int height() {
        return analysis.classes().size() * (BAR + 6);
    }

    // a class with very few clients still shows as a bar, an empty one as none
    private double barWidth(ParetoAnalysis.ClassFigures figures) {
        return figures.clients() == 0 ? 0 : Math.max(12, figures.clientShare().doubleValue() * WIDTH);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
