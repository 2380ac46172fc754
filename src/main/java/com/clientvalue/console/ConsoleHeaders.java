package com.clientvalue.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Console pages are never cached (they show a person's data), never sniffed, never framed, and send
 * no referrer outside the service. The Content-Security-Policy comes from micronaut-views (application.yml).
 */
@ServerFilter("/console/**")
class ConsoleHeaders {
    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Cache-Control", "no-store");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
    }
}
