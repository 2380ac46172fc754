package com.clientvalue.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Accepts a console session id that came in the session cookie (never as a bearer header) and is
 * live; the person gets the roles of the token the session was opened with, and the session's CSRF
 * token as the attribute {@value #CSRF}.
 */
@Singleton
class SessionTokenValidator implements TokenValidator<HttpRequest<?>> {
    static final String CSRF = "csrfToken";
    private final ConsoleSessions sessions;
    private final ExecutorService blocking;

    SessionTokenValidator(ConsoleSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        boolean fromCookie = token != null && token.startsWith(ConsoleSessions.PREFIX)
                && request.getCookies().findCookie(SessionCookie.NAME).map(Cookie::getValue).filter(token::equals).isPresent();
        if (!fromCookie) {
            return Publishers.empty();
        }
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(() -> sessions.use(token)
                .map(s -> Authentication.build(s.name(), s.roles(), Map.<String, Object>of(CSRF, s.csrfToken(), "console", true)))
                .orElse(null), blocking));
    }
}
