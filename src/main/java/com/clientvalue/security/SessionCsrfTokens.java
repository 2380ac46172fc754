package com.clientvalue.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.repository.CsrfTokenRepository;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Where Micronaut's CSRF filter finds the token a console form must echo: in the session row of the
 * request's session cookie (synchronizer-token pattern; the cookie repository is off, see
 * application.yml).
 */
@Singleton
class SessionCsrfTokens implements CsrfTokenRepository<HttpRequest<?>> {
    private final ConsoleSessions sessions;
    private final SessionCookie cookie;

    SessionCsrfTokens(ConsoleSessions sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @Override
    public Optional<String> findCsrfToken(HttpRequest<?> request) {
        return cookie.findToken(request).flatMap(sessions::find).map(ConsoleSessions.Session::csrfToken);
    }
}
