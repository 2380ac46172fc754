package com.clientvalue.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Console pages are never cached (they show a person's data), never sniffed, never framed, and send
 * no referrer outside the service, and carry the Content-Security-Policy of {@code console.content-security-policy}.
 */
@ServerFilter("/console/**")
class ConsoleHeaders {
    private final String policy;

    ConsoleHeaders(@Value("${console.content-security-policy}") String policy) {
        this.policy = policy;
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", policy);
        response.header("Cache-Control", "no-store");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
    }
}
