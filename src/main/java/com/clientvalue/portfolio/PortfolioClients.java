package com.clientvalue.portfolio;

import com.clientvalue.client.AbcClass;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.PortfolioEvaluator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The clients behind a figure of the summary or of the matrices: every client evaluated with the
 * active rules as the figure's own computation evaluates them, kept when the {@link ClientSelection}
 * selects it, highest revenue12m first (ties by client id, so pages never overlap).
 */
@Singleton
public class PortfolioClients {
    static final Comparator<PortfolioClient> ORDER = Comparator.comparing(PortfolioClient::revenue12m).reversed()
            .thenComparing(PortfolioClient::clientId);
    private final PortfolioEvaluator evaluator;

    PortfolioClients(PortfolioEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** A client of a list, with what places it in the portfolio. */
    @Serdeable
    public record PortfolioClient(String clientId, String name, String country, @Nullable Cluster cluster,
                                  @Nullable Lifecycle lifecycle, AbcClass abcClass, BigDecimal revenue12m) {
    }

    /** The selected clients in list order, under one rule version. */
    public record Selected(LocalDate asOf, String ruleVersion, ClientSelection selection, List<PortfolioClient> clients) {
        public Page page(int page, int size) {
            return new Page(asOf, ruleVersion, selection.parameters(),
                    clients.stream().skip((long) page * size).limit(size).toList(), page, size, clients.size());
        }
    }

    /** One page of the clients behind a figure, and how many there are in all. */
    @Serdeable
    public record Page(LocalDate asOf, String ruleVersion, Map<String, String> selection, List<PortfolioClient> items, int page,
                       int size, long totalItems) {
    }

    public Selected select(LocalDate asOf, ClientSelection selection) {
        List<PortfolioClient> selected = new ArrayList<>();
        String version = evaluator.evaluateAll(asOf, (facts, evaluation) -> {
            if (selection.selects(facts, evaluation.outcome())) {
                selected.add(new PortfolioClient(facts.clientId(), facts.name(), facts.country(), evaluation.outcome().cluster(),
                        evaluation.outcome().lifecycle(), facts.abcClass(), facts.revenue12m()));
            }
        });
        selected.sort(ORDER);
        return new Selected(asOf, version, selection, List.copyOf(selected));
    }
}
