package com.clientvalue.portfolio;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.ClientNeeds;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.PortfolioEvaluator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What clients say they need, across the portfolio: the needs open on a date per category, with the
 * clients stating them split by cluster (every client evaluated with the active rules, as the other
 * portfolio views do), as input to how the offer evolves.
 */
@Singleton
public class PortfolioNeeds {
    private final ClientNeeds needs;
    private final PortfolioEvaluator evaluator;

    PortfolioNeeds(ClientNeeds needs, PortfolioEvaluator evaluator) {
        this.needs = needs;
        this.evaluator = evaluator;
    }

    @Serdeable
    @Schema(description = "The needs open on asOf per category, the most needs first")
    public record Report(LocalDate asOf, String ruleVersion, long openNeeds, long clients, List<Category> categories) {
    }

    @Serdeable
    public record Category(String category,
                           @Schema(description = "needs of this category open on asOf") long needs,
                           @Schema(description = "clients with at least one of them") long clients,
                           @Schema(description = "days since the oldest of them was stated") long oldestDays,
                           @Schema(description = "those clients per cluster (KEY, DEVELOP, MAINTAIN, MARGINAL; NONE: no cluster decided)")
                           Map<String, Long> clientsByCluster) {
    }

    public Report compute(LocalDate asOf) {
        Map<String, Map<String, Long>> byCluster = new HashMap<>();
        long[] clients = new long[1];
        String version = evaluator.evaluateAll(asOf, (ClientFacts facts, Evaluation evaluation) -> {
            if (facts.openNeeds() == 0) {
                return;
            }
            clients[0]++;
            Cluster cluster = evaluation.outcome().cluster();
            String name = cluster == null ? PortfolioDimension.NONE : cluster.name();
            facts.openNeedCategories().forEach(category -> byCluster.computeIfAbsent(category, k -> new HashMap<>()).merge(name, 1L, Long::sum));
        });
        List<Category> categories = new ArrayList<>();
        long open = 0;
        for (ClientNeeds.OpenCategory category : needs.openByCategory(asOf)) {
            Map<String, Long> split = new LinkedHashMap<>();
            for (Cluster cluster : Cluster.values()) {
                split.put(cluster.name(), byCluster.getOrDefault(category.category(), Map.of()).getOrDefault(cluster.name(), 0L));
            }
            long none = byCluster.getOrDefault(category.category(), Map.of()).getOrDefault(PortfolioDimension.NONE, 0L);
            if (none > 0) {
                split.put(PortfolioDimension.NONE, none);
            }
            categories.add(new Category(category.category(), category.needs(), category.clients(),
                    ChronoUnit.DAYS.between(category.oldestStatedOn(), asOf), split));
            open += category.needs();
        }
        return new Report(asOf, version, open, clients[0], categories);
    }
}
