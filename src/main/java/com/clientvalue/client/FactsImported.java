package com.clientvalue.client;

/** An import that changed client facts has committed (clients, orders, surveys, complaints, needs, referrals). */
public record FactsImported(String kind, long rows) {
}
