package com.clientvalue.bench;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Level;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.PreviousDecision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The default tables written by hand in plain Java: the limit the rule engine is compared with.
 * Benchmark code only; it mirrors, row by row, rules/clusters/potential-level.csv,
 * revenue-level.csv, cluster-classification.csv, rules/policies/segment-actions.csv,
 * rules/lifecycle/lifecycle-state.csv (first match by priority) and reactivation-triggers.csv.
 * Actions are compared with the engine's as sets of codes (the engine's firing order differs).
 * Stateless and thread-safe.
 */
public final class HandWrittenEngine {

    /** What these tables decide for one client. actions are action codes. */
    public record Result(Cluster cluster, Level potentialLevel, Level revenueLevel, Lifecycle lifecycle, List<String> actions) {
    }

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    // segment-actions.csv, one list per cluster, in row order
    private static final String[] KEY_ACTIONS = {"DEDICATED_REFERENT", "MANAGEMENT_DIRECT_LINE", "PRIORITY_LANE",
            "ON_SITE_SERVICE", "FREQUENT_CONTACT"};
    private static final String[] DEVELOP_ACTIONS = {"FULL_RANGE_PRESENTATION", "BUSINESS_ANALYSIS",
            "WIDER_RELATIONSHIP_BENEFITS"};
    private static final String[] MAINTAIN_ACTIONS = {"GRANT_ALERTS", "REGULATORY_NOTICES", "PRACTICAL_ADVICE"};
    private static final String[] MARGINAL_ACTIONS = {"STANDARD_PROCEDURE", "SELF_SERVICE_CHANNELS"};

    public Result evaluate(ClientFacts f, PreviousDecision previous) {
        List<String> actions = new ArrayList<>(8);

        // potential-level.csv: POT-HIGH >= 60, POT-LOW < 60, POT-UNRATED null -> LOW + ASSESS_POTENTIAL
        Integer potential = f.potential();
        Level potentialLevel;
        if (potential == null) {
            potentialLevel = Level.LOW;
            actions.add("ASSESS_POTENTIAL");
        } else {
            potentialLevel = potential >= 60 ? Level.HIGH : Level.LOW;
        }

        // revenue-level.csv: A -> HIGH, B and C -> LOW
        Level revenueLevel = switch (f.abcClass()) {
            case A -> Level.HIGH;
            case B, C -> Level.LOW;
        };

        // cluster-classification.csv
        Cluster cluster = potentialLevel == Level.HIGH
                ? (revenueLevel == Level.HIGH ? Cluster.KEY : Cluster.DEVELOP)
                : (revenueLevel == Level.HIGH ? Cluster.MAINTAIN : Cluster.MARGINAL);

        // segment-actions.csv
        String[] segment = switch (cluster) {
            case KEY -> KEY_ACTIONS;
            case DEVELOP -> DEVELOP_ACTIONS;
            case MAINTAIN -> MAINTAIN_ACTIONS;
            case MARGINAL -> MARGINAL_ACTIONS;
        };
        for (String code : segment) {
            actions.add(code);
        }

        // lifecycle-state.csv, highest priority first, first match wins; a null number matches no threshold
        Integer sinceLast = f.daysSinceLastOrder();
        Integer sinceFirst = f.daysSinceFirstOrder();
        Lifecycle lifecycle;
        if (f.lastOrderDate() == null) {
            lifecycle = Lifecycle.PROSPECT;                                  // LC-PROSPECT, 60
        } else if (sinceLast != null && sinceLast >= 365) {
            lifecycle = Lifecycle.LOST;                                      // LC-LOST, 50
        } else if (sinceLast != null && sinceLast >= 180) {
            lifecycle = Lifecycle.INACTIVE;                                  // LC-INACTIVE, 40
        } else if (sinceFirst != null && sinceFirst < 90) {
            lifecycle = Lifecycle.NEW;                                       // LC-NEW, 30
        } else if (f.orders12m() >= 6) {
            lifecycle = Lifecycle.LOYAL;                                     // LC-LOYAL, 20
        } else {
            lifecycle = Lifecycle.ACTIVE;                                    // LC-ACTIVE, 10 (has ordered)
        }

        // reactivation-triggers.csv
        switch (lifecycle) {
            case INACTIVE -> actions.add("REACTIVATION_CONTACT");                                   // TRG-REACTIVATE
            case LOST -> {
                if (f.lossReason() == null) {
                    actions.add("LOSS_REASON_INQUIRY");                                             // TRG-LOSS-INQUIRY
                }
                Cluster lastActive = previous == null ? null : previous.lastActiveCluster();
                if (lastActive == Cluster.KEY || lastActive == Cluster.MAINTAIN) {
                    actions.add("WIN_BACK_OFFER");                                                  // TRG-WIN-BACK-KEY / -MAINTAIN
                }
            }
            case ACTIVE, LOYAL -> {
                BigDecimal ratio = f.silenceRatio();
                if (ratio != null && ratio.compareTo(TWO) > 0) {
                    actions.add("EARLY_WARNING_CONTACT");                                           // TRG-MOVING-AWAY-*
                }
            }
            default -> {
            }
        }
        return new Result(cluster, potentialLevel, revenueLevel, lifecycle, actions);
    }
}
