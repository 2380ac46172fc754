package com.clientvalue.portfolio;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.AbcCutoffs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The customer pyramid (ABC) of a portfolio by one metric: clients ranked by value descending,
 * ties by client_id; A while the share of the positive total ranked before a client is below the
 * A cut-off, B below the B cut-off, else C; a value of 0 or less is always C. Shares have 6 decimals.
 */
@Serdeable
public record ParetoAnalysis(LocalDate asOf, PortfolioMetric by, long clients, BigDecimal positiveTotal,
                             List<ClassFigures> classes, List<RankedClient> ranking, MetricCoverage coverage) {

    /**
     * @param value      sum of the class's values (negative ones included)
     * @param valueShare share of the portfolio's positive total held by the class's positive values
     * @param minValue   the lowest value in the class: the cut-off a client must reach to be in it
     */
    @Serdeable
    public record ClassFigures(AbcClass abcClass, long clients, BigDecimal clientShare, BigDecimal value,
                               BigDecimal valueShare, @Nullable BigDecimal minValue) {
    }

    /** A client's place: rank from 1, value, share of the positive total ranked before it, class. */
    @Serdeable
    public record RankedClient(long rank, String clientId, BigDecimal value, BigDecimal shareBefore, AbcClass abcClass) {
    }

    /** No pyramid: the metric has no value in the window (see {@link MetricCoverage#note()}); no class, no ranking. */
    static ParetoAnalysis withheld(LocalDate asOf, PortfolioMetric by, long clients, MetricCoverage coverage) {
        return new ParetoAnalysis(asOf, by, clients, BigDecimal.ZERO.setScale(2), List.of(), List.of(), coverage);
    }

    static ParetoAnalysis of(LocalDate asOf, PortfolioMetric by, List<AbcCutoffs.Rank> values, AbcCutoffs cutoffs,
                             MetricCoverage coverage) {
        List<AbcCutoffs.Rank> ranked = values.stream().sorted(AbcCutoffs.RANKING).toList();
        BigDecimal total = cutoffs.positiveRevenue();
        Map<AbcClass, BigDecimal[]> sums = new EnumMap<>(AbcClass.class);
        Map<AbcClass, Long> counts = new EnumMap<>(AbcClass.class);
        List<RankedClient> ranking = new ArrayList<>(ranked.size());
        BigDecimal before = BigDecimal.ZERO;
        for (AbcCutoffs.Rank rank : ranked) {
            AbcClass abcClass = cutoffs.classify(rank.clientId(), rank.revenue12m());
            ranking.add(new RankedClient(ranking.size() + 1, rank.clientId(), rank.revenue12m(), share(before, total), abcClass));
            counts.merge(abcClass, 1L, Long::sum);
            BigDecimal[] sum = sums.computeIfAbsent(abcClass, c -> new BigDecimal[]{BigDecimal.ZERO, null, BigDecimal.ZERO});
            sum[0] = sum[0].add(rank.revenue12m());
            sum[1] = sum[1] == null || rank.revenue12m().compareTo(sum[1]) < 0 ? rank.revenue12m() : sum[1];
            sum[2] = sum[2].add(rank.revenue12m().max(BigDecimal.ZERO));
            if (rank.revenue12m().signum() > 0) {
                before = before.add(rank.revenue12m());
            }
        }
        List<ClassFigures> classes = new ArrayList<>();
        for (AbcClass abcClass : AbcClass.values()) {
            long count = counts.getOrDefault(abcClass, 0L);
            BigDecimal[] sum = sums.getOrDefault(abcClass, new BigDecimal[]{BigDecimal.ZERO, null, BigDecimal.ZERO});
            classes.add(new ClassFigures(abcClass, count, share(BigDecimal.valueOf(count), BigDecimal.valueOf(ranked.size())),
                    sum[0], share(sum[2], total), sum[1]));
        }
        return new ParetoAnalysis(asOf, by, ranked.size(), total, classes, ranking, coverage);
    }

    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(6) : part.divide(whole, 6, RoundingMode.HALF_UP);
    }
}
