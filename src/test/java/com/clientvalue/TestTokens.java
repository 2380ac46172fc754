package com.clientvalue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens for the tests, created once per name through the API (the test database lives for the whole run). */
public final class TestTokens {
    private static final Map<String, String> BY_NAME = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /** The token named so, with these roles, created with the tests' admin token the first time. */
    @SuppressWarnings("unchecked")
    public static String token(BlockingHttpClient http, String name, String... roles) {
        return BY_NAME.computeIfAbsent(name + ":" + String.join(",", roles), key -> (String) http.retrieve(
                HttpRequest.POST("/api/tokens", Map.of("name", name, "roles", List.of(roles))), Map.class).get("token"));
    }
}
