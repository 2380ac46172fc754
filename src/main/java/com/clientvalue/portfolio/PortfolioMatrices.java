package com.clientvalue.portfolio;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.AssessmentResult;
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
import java.util.function.Function;

/**
 * The matrix views of the portfolio, from one evaluation of every client with the active rules:
 * potential level x revenue level (the clusters), latest survey expectation x experience score,
 * and risk band x opportunity band of the latest assessment.
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

    /** A matrix being filled: how to read its row and column from a client's facts and outcome. */
    private record Axes(String name, String rows, String columns, List<String> rowValues, List<String> columnValues,
                        Function<Case, String> row, Function<Case, String> column, Map<String, long[]> clients,
                        Map<String, BigDecimal> revenue) {
        Axes(String name, String rows, String columns, List<String> rowValues, List<String> columnValues,
             Function<Case, String> row, Function<Case, String> column) {
            this(name, rows, columns, withNone(rowValues), withNone(columnValues), row, column, new HashMap<>(), new HashMap<>());
        }

        void add(Case c) {
            String key = row.apply(c) + "\0" + column.apply(c);
            clients.computeIfAbsent(key, k -> new long[1])[0]++;
            revenue.merge(key, c.facts().revenue12m(), BigDecimal::add);
        }

        PortfolioMatrix matrix() {
            List<PortfolioMatrix.Cell> cells = new ArrayList<>();
            for (String r : rowValues) {
                for (String c : columnValues) {
                    String key = r + "\0" + c;
                    cells.add(new PortfolioMatrix.Cell(r, c, clients.getOrDefault(key, new long[1])[0],
                            revenue.getOrDefault(key, BigDecimal.ZERO).setScale(2)));
                }
            }
            return new PortfolioMatrix(name, rows, columns, rowValues, columnValues, cells);
        }
    }

    private record Case(ClientFacts facts, Outcome outcome) {
    }

    public Matrices compute(LocalDate asOf) {
        List<String> levels = names(Level.values());
        List<String> scores = List.of("1", "2", "3", "4", "5");
        List<String> bands = names(Band.values());
        List<Axes> all = List.of(
                new Axes("potential-revenue", "potentialLevel", "revenueLevel", levels, levels,
                        c -> name(c.outcome().potentialLevel()), c -> name(c.outcome().revenueLevel())),
                new Axes("expectation-experience", "latestExpectation", "latestExperience", scores, scores,
                        c -> text(c.facts().latestExpectation()), c -> text(c.facts().latestExperience())),
                new Axes("risk-opportunity", "riskBand", "opportunityBand", bands, bands,
                        c -> band(c.outcome().assessment(), true), c -> band(c.outcome().assessment(), false)));
        String version = evaluator.evaluateAll(asOf, (ClientFacts facts, Evaluation evaluation) -> {
            Case c = new Case(facts, evaluation.outcome());
            all.forEach(axes -> axes.add(c));
        });
        return new Matrices(asOf, version, all.stream().map(Axes::matrix).toList());
    }

    private static String band(AssessmentResult assessment, boolean risk) {
        return assessment == null ? NONE : name(risk ? assessment.riskBand() : assessment.opportunityBand());
    }

    private static String name(Enum<?> value) {
        return value == null ? NONE : value.name();
    }

    private static String text(Integer value) {
        return value == null ? NONE : value.toString();
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
