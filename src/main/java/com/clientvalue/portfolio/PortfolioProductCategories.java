package com.clientvalue.portfolio;

import com.clientvalue.client.AbcCutoffs;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.PortfolioRanking;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.PortfolioEvaluator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio by product category (the optional product_category of the order lines): the customer
 * pyramid of categories by revenue, which share of each cluster's clients buys each (every client
 * evaluated with the active rules), the priority categories of each cluster, and the cross-sell gap:
 * what key clients buy and clients to develop do not buy yet.
 */
@Singleton
@Connectable
public class PortfolioProductCategories {
    private final JdbcOperations jdbc;
    private final PortfolioEvaluator evaluator;
    private final PortfolioRanking ranking;

    PortfolioProductCategories(JdbcOperations jdbc, PortfolioEvaluator evaluator, PortfolioRanking ranking) {
        this.jdbc = jdbc;
        this.evaluator = evaluator;
        this.ranking = ranking;
    }

    @Serdeable
    @Schema(description = "The product categories of the 12 months up to asOf, the largest revenue first")
    public record Report(LocalDate asOf, String ruleVersion,
                         @Schema(description = "a cluster's priority categories are those bought by at least this share of its clients")
                         BigDecimal minShare,
                         @Schema(description = "revenue of the lines with a category (lines of positive amount)") BigDecimal categorisedRevenue12m,
                         @Schema(description = "revenue of the lines of positive amount without one") BigDecimal uncategorisedRevenue12m,
                         @Schema(description = "clients of each cluster (KEY, DEVELOP, MAINTAIN, MARGINAL)") Map<String, Long> clientsByCluster,
                         List<Category> categories,
                         @Schema(description = "per cluster, the categories at least minShare of its clients buy, the most bought first")
                         Map<String, List<String>> priorityCategories,
                         @Schema(description = "the key clients' priority categories that clients to develop buy less, the widest gap first")
                         List<Gap> crossSellGap) {
    }

    @Serdeable
    public record Category(String category, BigDecimal revenue12m,
                           @Schema(description = "revenue12m / categorisedRevenue12m") BigDecimal share,
                           @Schema(description = "the category's ABC class among the categories, by revenue") String abcClass,
                           @Schema(description = "clients that bought it") long clients,
                           @Schema(description = "per cluster: its clients that bought it, and their share of the cluster's clients")
                           Map<String, Penetration> byCluster) {
    }

    @Serdeable
    public record Penetration(long clients, @Nullable BigDecimal share) {
    }

    @Serdeable
    public record Gap(String category, BigDecimal keyShare, BigDecimal developShare,
                      @Schema(description = "clients to develop that do not buy it: who the cross-sell acts on") long developClientsNotBuying) {
    }

    public Report compute(LocalDate asOf, BigDecimal minShare) {
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        BigDecimal[] uncategorised = {BigDecimal.ZERO};
        jdbc.prepareStatement("SELECT l.product_category, SUM(l.amount) FROM customer_order o JOIN order_line l ON l.order_id = o.order_id "
                + "WHERE o.order_date > ? AND o.order_date <= ? AND l.amount > 0 GROUP BY l.product_category", statement -> {
            statement.setDate(1, Date.valueOf(asOf.minusDays(365)));
            statement.setDate(2, Date.valueOf(asOf));
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    BigDecimal amount = MetricValues.plain(rows.getBigDecimal(2));
                    if (rows.getString(1) == null) {
                        uncategorised[0] = amount;
                    } else {
                        revenue.put(rows.getString(1), amount);
                    }
                }
            }
            return null;
        });
        Map<Cluster, Long> clusterClients = new EnumMap<>(Cluster.class);
        Map<String, Map<Cluster, Long>> buyers = new HashMap<>();
        Map<String, Long> allBuyers = new HashMap<>();
        String version = evaluator.evaluateAll(asOf, (ClientFacts facts, Evaluation evaluation) -> {
            Cluster cluster = evaluation.outcome().cluster();
            if (cluster != null) {
                clusterClients.merge(cluster, 1L, Long::sum);
            }
            for (String category : facts.productCategories12m()) {
                allBuyers.merge(category, 1L, Long::sum);
                if (cluster != null) {
                    buyers.computeIfAbsent(category, k -> new EnumMap<>(Cluster.class)).merge(cluster, 1L, Long::sum);
                }
            }
        });
        BigDecimal total = revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        AbcCutoffs classes = ranking.split(revenue.entrySet().stream().map(e -> new AbcCutoffs.Rank(e.getKey(), e.getValue())).toList());
        List<Category> categories = new ArrayList<>();
        revenue.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    Map<String, Penetration> byCluster = new LinkedHashMap<>();
                    for (Cluster cluster : Cluster.values()) {
                        long bought = buyers.getOrDefault(e.getKey(), Map.of()).getOrDefault(cluster, 0L);
                        byCluster.put(cluster.name(), new Penetration(bought, share(bought, clusterClients.getOrDefault(cluster, 0L))));
                    }
                    categories.add(new Category(e.getKey(), e.getValue(), share(e.getValue(), total), classes.classify(e.getKey(), e.getValue()).name(),
                            allBuyers.getOrDefault(e.getKey(), 0L), byCluster));
                });
        Map<String, List<String>> priority = new LinkedHashMap<>();
        for (Cluster cluster : Cluster.values()) {
            priority.put(cluster.name(), categories.stream()
                    .filter(c -> atLeast(c.byCluster().get(cluster.name()).share(), minShare))
                    .sorted(java.util.Comparator.comparing((Category c) -> c.byCluster().get(cluster.name()).share()).reversed()
                            .thenComparing(Category::category))
                    .map(Category::category).toList());
        }
        List<Gap> gaps = new ArrayList<>();
        long developClients = clusterClients.getOrDefault(Cluster.DEVELOP, 0L);
        for (String category : priority.get(Cluster.KEY.name())) {
            Category figures = categories.stream().filter(c -> c.category().equals(category)).findFirst().orElseThrow();
            BigDecimal keyShare = figures.byCluster().get(Cluster.KEY.name()).share();
            Penetration develop = figures.byCluster().get(Cluster.DEVELOP.name());
            BigDecimal developShare = develop.share() == null ? BigDecimal.ZERO : develop.share();
            if (developClients > 0 && developShare.compareTo(keyShare) < 0) {
                gaps.add(new Gap(category, keyShare, developShare, developClients - develop.clients()));
            }
        }
        gaps.sort(java.util.Comparator.comparing((Gap g) -> g.keyShare().subtract(g.developShare())).reversed()
                .thenComparing(Gap::category));
        Map<String, Long> clients = new LinkedHashMap<>();
        for (Cluster cluster : Cluster.values()) {
            clients.put(cluster.name(), clusterClients.getOrDefault(cluster, 0L));
        }
        return new Report(asOf, version, minShare, total, uncategorised[0], clients, categories, priority, gaps);
    }

    private static boolean atLeast(@Nullable BigDecimal share, BigDecimal min) {
        return share != null && share.signum() > 0 && share.compareTo(min) >= 0;
    }

    private static @Nullable BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, 6, RoundingMode.HALF_UP);
    }
}
