package com.clientvalue.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The ABC (Pareto) split of a portfolio as of a date, kept as its two boundaries: the last client
 * ranked A and the last ranked B, in the order revenue descending then client_id ascending.
 * Classifying a client is then a comparison with two keys, not a lookup in a million-entry map.
 *
 * @param positiveRevenue sum of revenue12m over clients whose revenue12m is positive
 * @param lastA           last client ranked A, null when there is none
 * @param lastB           last client ranked B, null when there is none
 */
@Serdeable
public record AbcCutoffs(BigDecimal positiveRevenue, long countA, long countB,
                         @Nullable Rank lastA, @Nullable Rank lastB) {

    /** A client's place in the ranking. */
    @Serdeable
    public record Rank(String clientId, BigDecimal revenue12m) {
    }

    /** Revenue (or any value) descending, then client_id ascending. */
    public static final Comparator<Rank> RANKING = Comparator.comparing(Rank::revenue12m, Comparator.reverseOrder())
            .thenComparing(Rank::clientId);

    /**
     * @param positive clients with a positive revenue12m, in any order
     */
    static AbcCutoffs of(List<Rank> positive, BigDecimal aPercent, BigDecimal bPercent) {
        List<Rank> ranked = positive.stream().sorted(RANKING).toList();
        BigDecimal total = ranked.stream().map(Rank::revenue12m).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal before = BigDecimal.ZERO;
        Rank lastA = null;
        Rank lastB = null;
        long a = 0;
        long b = 0;
        for (Rank rank : ranked) {
            // share before < cut-off  <=>  100 * before < cut-off * total (exact, no division)
            BigDecimal scaled = before.multiply(hundred);
            if (scaled.compareTo(aPercent.multiply(total)) < 0) {
                lastA = rank;
                a++;
            } else if (scaled.compareTo(bPercent.multiply(total)) < 0) {
                lastB = rank;
                b++;
            } else {
                break;
            }
            before = before.add(rank.revenue12m());
        }
        return new AbcCutoffs(total, a, b, lastA, lastB);
    }

    public AbcClass classify(String clientId, BigDecimal revenue12m) {
        if (revenue12m.signum() <= 0) {
            return AbcClass.C;
        }
        Rank rank = new Rank(clientId, revenue12m);
        if (lastA != null && RANKING.compare(rank, lastA) <= 0) {
            return AbcClass.A;
        }
        if (lastB != null && RANKING.compare(rank, lastB) <= 0) {
            return AbcClass.B;
        }
        return AbcClass.C;
    }
}
