package com.clientvalue.common;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.List;

/**
 * A client that accepts {@code application/problem+json} but names neither {@code application/json}
 * nor a wildcard (OpenAPI Generator's clients send the first JSON type an operation may answer,
 * which is the problems' type when the errors are listed first) also gets the success answers, which
 * are {@code application/json}: without this, the router answers 406 to a request that worked.
 * Runs before routing, where the Accept header decides which route may answer.
 */
@ServerFilter("/api/**")
class ProblemJsonAccept {
    private static final String PROBLEM = "application/problem+json";

    @PreMatching
    @RequestFilter
    void acceptJsonWithProblems(MutableHttpRequest<?> request) {
        List<String> accept = request.getHeaders().getAll(HttpHeaders.ACCEPT);
        String joined = String.join(",", accept).toLowerCase(java.util.Locale.ROOT);
        if (joined.contains(PROBLEM) && !joined.contains("application/json") && !joined.contains("*/*")
                && !joined.contains("application/*")) {
            request.getHeaders().add(HttpHeaders.ACCEPT, "application/json");
        }
    }
}
