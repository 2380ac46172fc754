package com.clientvalue.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.csrf.resolver.CsrfTokenResolver;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A console form's CSRF token, read from its action's query ({@code ?csrfToken=}, which the
 * console's script adds from the form's hidden field as the form is sent); htmx requests send the
 * header instead. Micronaut's own resolver of the form field reads the body asynchronously, and a
 * body read in several pieces then made its filter fail with a 500 (micronaut-security#1984): it is
 * off, so that the CSRF filter only runs synchronous resolvers. The token is bound to the session
 * (useless without its HttpOnly cookie) and pages send no referrer outside the service.
 */
@Singleton
class QueryCsrfTokenResolver implements CsrfTokenResolver<HttpRequest<?>> {
    static final String PARAMETER = "csrfToken";

    @Override
    public Optional<String> resolveToken(HttpRequest<?> request) {
        return request.getParameters().getFirst(PARAMETER).filter(token -> !token.isBlank());
    }
}
