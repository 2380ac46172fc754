package com.clientvalue.portfolio;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.Band;
import com.clientvalue.decision.Evaluation;
import com.clientvalue.decision.Level;
import com.clientvalue.decision.Outcome;
import com.clientvalue.decision.PortfolioEvaluator;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix views of the portfolio, from one evaluation of every client with the active rules:
 * potential level x revenue level (the clusters), latest survey expectation x experience score,
 * risk band x opportunity band of the latest assessment, and margin class x revenue class (the ABC
 * classes by margin and by revenue: high revenue on a thin margin stands out as revenue A, margin C). Each cell counts the clients that have its
 * row's and column's values on the two {@link PortfolioDimension}s, as {@link PortfolioClients} lists them.
 */
@Singleton
public class PortfolioMatrices {
    static final String NONE = PortfolioSummarizer.NONE;
    private final PortfolioEvaluator evaluator;

    PortfolioMatrices(PortfolioEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Serdeable
    public record Matrices(LocalDate asOf, String ruleVersion, List<PortfolioMatrix> matrices) {
    }

    /** A matrix being filled: the dimensions of its rows and columns, read from each client's facts and outcome. */
    private record Axes(String name, PortfolioDimension rows, PortfolioDimension columns, List<String> rowValues,
                        List<String> columnValues, Map<String, long[]> clients, Map<String, BigDecimal> revenue,
                        Map<String, BigDecimal> margin) {
        Axes(String name, PortfolioDimension rows, PortfolioDimension columns, List<String> rowValues, List<String> columnValues) {
            this(name, rows, columns, withNone(rowValues), withNone(columnValues), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        /** Columns every client has a value on (no NONE column). */
        static Axes noneInRowsOnly(String name, PortfolioDimension rows, PortfolioDimension columns, List<String> rowValues,
                                   List<String> columnValues) {
            return new Axes(name, rows, columns, withNone(rowValues), List.copyOf(columnValues), new HashMap<>(), new HashMap<>(),
                    new HashMap<>());
        }

        void add(ClientFacts facts, Outcome outcome) {
            String key = rows.of(facts, outcome) + "\0" + columns.of(facts, outcome);
            clients.computeIfAbsent(key, k -> new long[1])[0]++;
            revenue.merge(key, facts.revenue12m(), BigDecimal::add);
            if (facts.margin12m() != null) {
                margin.merge(key, facts.margin12m(), BigDecimal::add);
            }
        }

        PortfolioMatrix matrix() {
            List<PortfolioMatrix.Cell> cells = new ArrayList<>();
            for (String r : rowValues) {
                for (String c : columnValues) {
                    String key = r + "\0" + c;
                    cells.add(new PortfolioMatrix.Cell(r, c, clients.getOrDefault(key, new long[1])[0],
                            revenue.getOrDefault(key, BigDecimal.ZERO).setScale(2),
                            margin.getOrDefault(key, BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP)));
                }
            }
            return new PortfolioMatrix(name, rows.parameter(), columns.parameter(), rowValues, columnValues, cells);
        }
    }

    public Matrices compute(LocalDate asOf) {
        List<String> levels = names(Level.values());
        List<String> scores = List.of("1", "2", "3", "4", "5");
        List<String> bands = names(Band.values());
        List<String> classes = names(com.clientvalue.client.AbcClass.values());
        List<Axes> all = List.of(
                new Axes("potential-revenue", PortfolioDimension.POTENTIAL_LEVEL, PortfolioDimension.REVENUE_LEVEL, levels, levels),
                new Axes("expectation-experience", PortfolioDimension.LATEST_EXPECTATION, PortfolioDimension.LATEST_EXPERIENCE,
                        scores, scores),
                new Axes("risk-opportunity", PortfolioDimension.RISK_BAND, PortfolioDimension.OPPORTUNITY_BAND, bands, bands),
                Axes.noneInRowsOnly("margin-revenue", PortfolioDimension.MARGIN_CLASS, PortfolioDimension.ABC_CLASS, classes, classes));
        String version = evaluator.evaluateAll(asOf, (ClientFacts facts, Evaluation evaluation) ->
                all.forEach(axes -> axes.add(facts, evaluation.outcome())));
        return new Matrices(asOf, version, all.stream().map(Axes::matrix).toList());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> withNone(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add(NONE);
        return List.copyOf(all);
    }
}
