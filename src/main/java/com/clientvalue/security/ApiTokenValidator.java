package com.clientvalue.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Accepts a bearer token that is stored (as its hash) and not revoked; its roles become the caller's. */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final ApiTokens tokens;
    private final ExecutorService blocking;

    ApiTokenValidator(ApiTokens tokens, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || token.length() > 200) {
            return Publishers.empty();
        }
        // a cached token is answered at once, without a pooled connection; a lookup runs off the event loop
        java.util.Optional<java.util.Optional<ApiTokens.Holder>> cached = tokens.cached(token);
        if (cached.isPresent()) {
            return cached.get().map(h -> Publishers.just(Authentication.build(h.name(), h.roles()))).orElseGet(Publishers::empty);
        }
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(() -> tokens.lookup(token)
                .map(h -> Authentication.build(h.name(), h.roles())).orElse(null), blocking));
    }
}
