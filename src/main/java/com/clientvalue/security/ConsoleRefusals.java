package com.clientvalue.security;

import io.micronaut.http.HttpRequest;

import java.util.Collection;
import java.util.List;

/**
 * The pages a console request refused by security is answered with, in the person's language: the
 * console writes them (it owns the texts), security only decides when.
 */
public interface ConsoleRefusals {
    /** 403: the person's roles include none of those the page needs. */
    String forbidden(HttpRequest<?> request, List<String> required, String person, Collection<String> roles);

    /** 403: the roles fit, the form's or htmx request's CSRF token did not. */
    String formNotAccepted(HttpRequest<?> request);
}
