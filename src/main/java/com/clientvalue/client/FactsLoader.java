package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads client facts as of a date: stored data, derived figures and portfolio-level figures.
 * The one way facts are made, for single decisions, batches and portfolio views alike.
 */
@Singleton
@Connectable
public class FactsLoader {
    private static final int FETCH = 1_000;
    private final JdbcOperations jdbc;
    private final PortfolioRanking ranking;

    FactsLoader(JdbcOperations jdbc, PortfolioRanking ranking) {
        this.jdbc = jdbc;
        this.ranking = ranking;
    }

    public ClientFacts load(String clientId, LocalDate asOf) {
        List<ClientFacts> found = loadMany(List.of(clientId), asOf);
        if (found.isEmpty()) {
            throw new ClientNotFound(clientId);
        }
        return found.get(0);
    }

    /** Facts of the given clients that exist, in no particular order. */
    public List<ClientFacts> loadMany(Collection<String> clientIds, LocalDate asOf) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(clientIds.size(), "?"));
        return jdbc.prepareStatement(ClientFactsQuery.SELECT_WITH_REVISION + " WHERE c.client_id IN (" + marks + ")" + ClientFactsQuery.GROUP,
                statement -> {
                    int i = ClientFactsQuery.bindDates(statement, asOf);
                    for (String id : clientIds) {
                        statement.setString(i++, id);
                    }
                    List<ClientFacts> facts = new ArrayList<>(clientIds.size());
                    // the whole result is read before the cut-offs may need a query of their own on this connection
                    try (var rows = statement.executeQuery()) {
                        PortfolioRanking.Ranking portfolio = null;
                        while (rows.next()) {
                            if (portfolio == null) {
                                portfolio = ranking.ranking(asOf, rows.getLong("portfolio_revision"));
                            }
                            facts.add(ClientFactsQuery.read(rows, asOf, portfolio));
                        }
                    }
                    return facts;
                });
    }

    /** Streams the facts of every stored client, ordered by client_id, in chunks of the given size. */
    public void forEachChunk(LocalDate asOf, int size, Consumer<List<ClientFacts>> consumer) {
        PortfolioRanking.Ranking portfolio = ranking.ranking(asOf);
        jdbc.prepareStatement(ClientFactsQuery.SELECT + ClientFactsQuery.GROUP + " ORDER BY c.client_id", statement -> {
            ClientFactsQuery.bindDates(statement, asOf);
            statement.setFetchSize(FETCH);
            List<ClientFacts> chunk = new ArrayList<>(size);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    chunk.add(ClientFactsQuery.read(rows, asOf, portfolio));
                    if (chunk.size() == size) {
                        consumer.accept(List.copyOf(chunk));
                        chunk.clear();
                    }
                }
            }
            if (!chunk.isEmpty()) {
                consumer.accept(List.copyOf(chunk));
            }
            return null;
        });
    }

    public AbcCutoffs abc(LocalDate asOf) {
        return ranking.abc(asOf);
    }
}
