package com.clientvalue.client;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Referrals: who brought whom, by import (CSV, all or nothing, one referral per referred client) or
 * through the API. The facts of a date see the referrals made up to it: the referred client's
 * {@code referredBy}, the referrer's {@code referralsMade12m} and {@code daysSinceLastReferral}.
 */
@Singleton
@Connectable
public class Referrals {
    private static final String UPSERT = "INSERT INTO referral (client_id, referred_by, referred_on, note) VALUES (?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE referred_by = VALUES(referred_by), referred_on = VALUES(referred_on), note = VALUES(note)";
    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;

    Referrals(JdbcOperations jdbc, PortfolioRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    /** Header client_id,referred_by,referred_on and optionally note: client_id is the client that was referred. */
    @Transactional
    public ImportResult importCsv(InputStream csv) {
        Set<String> referrers = new HashSet<>();
        ImportResult result = KeyedImport.run(jdbc, csv, List.of("client_id", "referred_by", "referred_on"), List.of("note"), UPSERT,
                (statement, row) -> {
                    String clientId = row.required("client_id", 64);
                    String referrer = row.required("referred_by", 64);
                    if (referrer.equals(clientId)) {
                        throw row.reject("referred_by", "a client cannot refer itself");
                    }
                    if (!referrers.contains(referrer)) {
                        if (!KnownClients.exists(jdbc, referrer)) {
                            throw row.reject("referred_by", "unknown client '" + referrer + "': import it with /api/imports/clients first");
                        }
                        referrers.add(referrer);
                    }
                    statement.setString(1, clientId);
                    statement.setString(2, referrer);
                    statement.setDate(3, Date.valueOf(row.date("referred_on")));
                    statement.setString(4, row.optional("note", 1000));
                    return "client " + clientId;
                });
        revision.bump();
        return result;
    }

    /** Records who referred a client (or replaces it): 404 for an unknown client or referrer, 400 for a client referring itself. */
    @Transactional
    public Referral record(String clientId, Referral referral) {
        if (!KnownClients.exists(jdbc, clientId)) {
            throw new ClientNotFound(clientId);
        }
        if (!KnownClients.exists(jdbc, referral.referredBy())) {
            throw new ClientNotFound(referral.referredBy());
        }
        if (referral.referredBy().equals(clientId)) {
            throw new InvalidInput("referredBy", "a client cannot refer itself");
        }
        jdbc.prepareStatement(UPSERT, statement -> {
            statement.setString(1, clientId);
            statement.setString(2, referral.referredBy());
            statement.setDate(3, Date.valueOf(referral.referredOn()));
            statement.setString(4, referral.note());
            return statement.executeUpdate();
        });
        revision.bump();
        return new Referral(clientId, referral.referredBy(), referral.referredOn(), referral.note());
    }

    public Optional<Referral> of(String clientId) {
        return jdbc.prepareStatement("SELECT client_id, referred_by, referred_on, note FROM referral WHERE client_id = ?", statement -> {
            statement.setString(1, clientId);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Referral(rows.getString(1), rows.getString(2), rows.getDate(3).toLocalDate(),
                        rows.getString(4))) : Optional.<Referral>empty();
            }
        });
    }

    /** Every referral made up to a date, oldest first. */
    public List<Referral> upTo(LocalDate asOf) {
        return jdbc.prepareStatement("SELECT client_id, referred_by, referred_on, note FROM referral WHERE referred_on <= ? "
                + "ORDER BY referred_on, client_id", statement -> {
            statement.setDate(1, Date.valueOf(asOf));
            List<Referral> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Referral(rows.getString(1), rows.getString(2), rows.getDate(3).toLocalDate(), rows.getString(4)));
                }
            }
            return found;
        });
    }

}
