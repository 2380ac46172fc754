package com.clientvalue.bench;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.Dimension;
import com.clientvalue.client.DimensionRating;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.PreviousDecision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic client facts for the benchmarks (fixed seed), consistent the way DerivedFacts
 * makes them: a client without orders has no order dates, no 12-month orders and no revenue;
 * silenceRatio = daysSinceLastOrder / medianOrderIntervalDays (2 decimals, half up).
 * Mix: potential 0-100 with ~8% unrated; ABC ~28/32/40% overall; order recency spread over every
 * lifecycle state (prospect, new, active, loyal, inactive, lost); ~25% surveyed; ~15% with
 * complaints; a loss reason for ~40% of the silent clients; ~15% assessed; ~60% with a previous
 * decision, most of them with a lastActiveCluster.
 */
public final class BenchFacts {
    public static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);
    public static final long SEED = 20111210L;

    /** One client's inputs to a decision (no service request: a plain decision). */
    public record Input(ClientFacts facts, PreviousDecision previous) {
    }

    private static final String[] COUNTRIES = {"Germany", "France", "Italy", "Spain", "Norway", "Netherlands"};
    private static final String[] SECTORS = {"Retail", "Manufacturing", "Hospitality", "Wholesale", "Services"};
    private static final String[] LOSS_REASONS = {"price", "competitor", "closed down", "moved", "service"};

    private BenchFacts() {
    }

    public static Input[] generate(int count) {
        return generate(count, SEED);
    }

    public static Input[] generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Input[] inputs = new Input[count];
        for (int i = 0; i < count; i++) {
            inputs[i] = client(random, String.format("BENCH%07d", i));
        }
        return inputs;
    }

    private static Input client(SplittableRandom r, String id) {
        Integer potential = r.nextDouble() < 0.08 ? null : r.nextInt(101);

        // recency: ~5% never ordered, ~10% lost (>= 365 days), ~10% inactive (180-364), the rest recent
        double recency = r.nextDouble();
        Integer last;
        if (recency < 0.05) {
            last = null;
        } else if (recency < 0.15) {
            last = 365 + r.nextInt(500);
        } else if (recency < 0.25) {
            last = 180 + r.nextInt(185);
        } else {
            last = r.nextInt(180);
        }
        Integer first = null;
        int orders12m = 0;
        BigDecimal median = null;
        BigDecimal ratio = null;
        if (last != null) {
            // ~12% of the recent clients started less than 90 days ago
            first = last < 90 && r.nextDouble() < 0.35 ? last + r.nextInt(90 - last) : last + r.nextInt(1500);
            if (last < 365) {
                int span = Math.min(365, first) - last;   // days of the 12-month window in which it ordered
                orders12m = 1 + (span <= 0 ? 0 : r.nextInt(Math.min(24, 1 + span / 7)));
            }
            // a median needs 3 distinct order dates: most clients that ordered more than twice
            if (first - last >= 20 && r.nextDouble() < 0.8) {
                median = BigDecimal.valueOf(5 + r.nextInt(120)).add(r.nextBoolean() ? new BigDecimal("0.5") : BigDecimal.ZERO);
                ratio = BigDecimal.valueOf(last).divide(median, 2, RoundingMode.HALF_UP);
            }
        }

        // ABC: 28/32/40 overall; clients without 12-month revenue are C
        AbcClass abc;
        BigDecimal revenue;
        if (orders12m == 0) {
            abc = AbcClass.C;
            revenue = BigDecimal.ZERO.setScale(2);
        } else {
            double a = r.nextDouble();
            abc = a < 0.33 ? AbcClass.A : a < 0.71 ? AbcClass.B : AbcClass.C;
            double base = abc == AbcClass.A ? 5_000 + r.nextDouble() * 95_000
                    : abc == AbcClass.B ? 800 + r.nextDouble() * 4_200 : r.nextDouble() * 800 - 20;
            revenue = BigDecimal.valueOf(base).setScale(2, RoundingMode.HALF_UP);
        }

        boolean silent = last == null || last >= 180;
        String lossReason = silent && last != null && r.nextDouble() < 0.4 ? LOSS_REASONS[r.nextInt(LOSS_REASONS.length)] : null;

        boolean surveyed = r.nextDouble() < 0.25;
        Integer expectation = surveyed ? 1 + r.nextInt(5) : null;
        Integer experience = surveyed ? 1 + r.nextInt(5) : null;
        LocalDate surveyDate = surveyed ? AS_OF.minusDays(1 + r.nextInt(300)) : null;
        int complaints = r.nextDouble() < 0.15 ? 1 + r.nextInt(5) : 0;

        Integer assessed = r.nextDouble() < 0.15 ? r.nextInt(400) : null;
        List<DimensionRating> ratings = assessed == null ? List.of()
                : Arrays.stream(Dimension.values()).map(d -> new DimensionRating(d, 1 + r.nextInt(5), 1 + r.nextInt(5))).toList();

        Integer employees = r.nextDouble() < 0.3 ? null : (int) Math.round(Math.exp(r.nextDouble() * 8));
        String country = r.nextDouble() < 0.85 ? "United Kingdom" : COUNTRIES[r.nextInt(COUNTRIES.length)];
        String sector = r.nextDouble() < 0.5 ? null : SECTORS[r.nextInt(SECTORS.length)];

        // margins from a generator of their own, so the other figures stay those of earlier runs: 70 % of the
        // clients with orders have one, at a rate of -5 % to 45 % of their revenue
        java.util.Random m = new java.util.Random(id.hashCode());
        BigDecimal margin = revenue.signum() == 0 || m.nextDouble() >= 0.7 ? null
                : revenue.multiply(BigDecimal.valueOf(-0.05 + m.nextDouble() * 0.5)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal marginPercent = margin == null || revenue.signum() <= 0 ? null
                : margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 2, RoundingMode.HALF_UP);
        AbcClass marginClass = margin == null ? null : margin.signum() <= 0 ? AbcClass.C
                : AbcClass.values()[Math.min(2, (int) (m.nextDouble() * 3))];
        ClientFacts facts = new ClientFacts(id, AS_OF, "Bench client " + id, country, sector, null, employees, potential, revenue,
                orders12m, first == null ? null : AS_OF.minusDays(first), last == null ? null : AS_OF.minusDays(last),
                last, first, median, ratio, abc, margin, marginPercent, marginClass, lossReason, surveyDate, expectation, experience, complaints, assessed,
                ratings, 0, null, List.of(), null, List.of(), null, 0, null, null, null, null, null, List.of(), null);

        PreviousDecision previous = null;
        if (last != null && r.nextDouble() < 0.6) {
            Cluster[] clusters = Cluster.values();
            Cluster lastActive = r.nextDouble() < 0.9 ? clusters[r.nextInt(clusters.length)] : null;
            Lifecycle lifecycle = Lifecycle.values()[1 + r.nextInt(Lifecycle.values().length - 1)];
            previous = new PreviousDecision("prev-" + id, clusters[r.nextInt(clusters.length)], lifecycle, null, lastActive);
        }
        return new Input(facts, previous);
    }

    /** Counts per lifecycle-relevant bucket, for the record. */
    public static String describe(Input[] inputs) {
        int unrated = 0;
        int[] abc = new int[3];
        int withPrevious = 0;
        int withLastActive = 0;
        int surveyed = 0;
        int complaints = 0;
        int loss = 0;
        for (Input in : inputs) {
            ClientFacts f = in.facts();
            if (f.potential() == null) {
                unrated++;
            }
            abc[f.abcClass().ordinal()]++;
            if (in.previous() != null) {
                withPrevious++;
                if (in.previous().lastActiveCluster() != null) {
                    withLastActive++;
                }
            }
            if (f.latestExpectation() != null) {
                surveyed++;
            }
            if (f.complaints90d() > 0) {
                complaints++;
            }
            if (f.lossReason() != null) {
                loss++;
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(inputs.length + " clients");
        parts.add("unrated " + unrated);
        parts.add("A/B/C " + abc[0] + "/" + abc[1] + "/" + abc[2]);
        parts.add("surveyed " + surveyed);
        parts.add("with complaints " + complaints);
        parts.add("loss reason " + loss);
        parts.add("previous decision " + withPrevious + " (lastActiveCluster " + withLastActive + ")");
        return String.join(", ", parts);
    }
}
