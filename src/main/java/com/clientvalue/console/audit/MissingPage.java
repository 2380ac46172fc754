package com.clientvalue.console.audit;

import com.clientvalue.console.ConsoleUi;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.util.Map;

/** The audit screens' answer to something that is not there: a 404 page that says what, in the page's language. */
@Singleton
class MissingPage {
    private final ConsoleUi ui;

    MissingPage(ConsoleUi ui) {
        this.ui = ui;
    }

    HttpResponse<?> answer(HttpRequest<?> request, String messageKey, String id) {
        Authentication person = request.getUserPrincipal(Authentication.class).orElse(null);
        return HttpResponse.notFound(new ModelAndView<>("console/audit/missing",
                Map.of("ui", ui.of(request, person, "audit"), "page", new Missing(messageKey, id)))).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
