package com.clientvalue.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.repository.CsrfTokenRepository;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Where Micronaut's CSRF filter finds the token a console form must echo: the session's own, which
 * {@link SessionTokenValidator} put in the person's authentication when the security filter (which
 * runs before the CSRF filter) read the session row (synchronizer-token pattern; the cookie
 * repository is off, see application.yml). A request authenticated by a bearer token has none, so a
 * console form cannot be posted with one.
 */
@Singleton
class SessionCsrfTokens implements CsrfTokenRepository<HttpRequest<?>> {
    @Override
    public Optional<String> findCsrfToken(HttpRequest<?> request) {
        return request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class)
                .map(person -> person.getAttributes().get(SessionTokenValidator.CSRF))
                .map(Object::toString);
    }
}
