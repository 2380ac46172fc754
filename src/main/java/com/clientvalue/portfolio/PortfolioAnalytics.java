package com.clientvalue.portfolio;

import com.clientvalue.client.AbcCutoffs;
import com.clientvalue.client.PortfolioRanking;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Portfolio analyses over the stored clients as of a date: the customer pyramid and concentration. */
@Singleton
public class PortfolioAnalytics {
    private final MetricValues values;
    private final PortfolioRanking ranking;

    PortfolioAnalytics(MetricValues values, PortfolioRanking ranking) {
        this.values = values;
        this.ranking = ranking;
    }

    public ParetoAnalysis pyramid(PortfolioMetric by, LocalDate asOf) {
        MetricCoverage coverage = values.coverage(by, asOf);
        List<AbcCutoffs.Rank> all = values.of(by, asOf);
        if (!coverage.usable()) {
            return ParetoAnalysis.withheld(asOf, by, all.size(), coverage);
        }
        return ParetoAnalysis.of(asOf, by, all, ranking.split(all), coverage);
    }

    public Concentration concentration(PortfolioMetric by, LocalDate asOf) {
        MetricCoverage coverage = values.coverage(by, asOf);
        List<BigDecimal> all = values.of(by, asOf).stream().map(AbcCutoffs.Rank::revenue12m).toList();
        return coverage.usable() ? Concentration.of(asOf, by, all, coverage) : Concentration.withheld(asOf, by, all.size(), coverage);
    }
}
