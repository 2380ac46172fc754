package com.clientvalue.console;

import com.clientvalue.security.ConsoleRefusals;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The small pages written before any console page is matched (403 by security, 413 by
 * {@link FormSizeLimit}), in the person's language like every page, from the console's texts.
 */
@Singleton
class RefusalPages implements ConsoleRefusals {
    private final ConsoleMessages messages;
    private final HttpLocaleResolver locales;

    RefusalPages(ConsoleMessages messages, HttpLocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public String forbidden(HttpRequest<?> request, List<String> required, String person, Collection<String> roles) {
        Locale locale = locale(request);
        return page(locale, "refused.forbidden.title", messages.text(locale, "refused.forbidden.text", String.join(", ", required),
                person, String.join(", ", roles)));
    }

    @Override
    public String formNotAccepted(HttpRequest<?> request) {
        Locale locale = locale(request);
        return page(locale, "refused.stale.title", messages.text(locale, "refused.stale.text"));
    }

    /** 413: a form body over the limit, or of unknown length (a negative length). */
    String formTooLarge(HttpRequest<?> request, long limitBytes, long length) {
        Locale locale = locale(request);
        String held = length < 0 ? messages.text(locale, "refused.tooLarge.unknown")
                : messages.text(locale, "refused.tooLarge.kilobytes", length / 1024);
        return page(locale, "refused.tooLarge.title", messages.text(locale, "refused.tooLarge.text", limitBytes / 1024, held));
    }

    private Locale locale(HttpRequest<?> request) {
        return ConsoleMessages.supported(locales.resolveOrDefault(request));
    }

    private String page(Locale locale, String titleKey, String text) {
        String title = escape(messages.text(locale, titleKey));
        return "<!doctype html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"/assets/console/console.css\"></head><body><main class=\"narrow\">"
                + "<h1>" + title + "</h1><p>" + escape(text) + "</p><p><a href=\"/console\">"
                + escape(messages.text(locale, "refused.home")) + "</a></p></main></body></html>";
    }

    private static String escape(String text) {
        StringOutput out = new StringOutput();
        Escape.htmlContent(text, out);
        return out.toString();
    }
}
