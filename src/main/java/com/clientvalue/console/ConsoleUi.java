package com.clientvalue.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Set;

/** Builds the {@link Ui} of a request: the person from the session, the language from the cookie or the browser. */
@Singleton
public class ConsoleUi {
    private final ConsoleMessages messages;
    private final HttpLocaleResolver locales;

    ConsoleUi(ConsoleMessages messages, HttpLocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    public Ui of(HttpRequest<?> request, @Nullable Authentication person, String section) {
        Object csrf = person == null ? null : person.getAttributes().get("csrfToken");
        return new Ui(messages, locales.resolveOrDefault(request), person == null ? null : person.getName(),
                person == null ? Set.of() : Set.copyOf(person.getRoles()), csrf == null ? null : csrf.toString(), section);
    }
}
