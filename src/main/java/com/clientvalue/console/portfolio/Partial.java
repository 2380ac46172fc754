package com.clientvalue.console.portfolio;

import io.micronaut.http.HttpRequest;

/** Whether htmx asked for a part of a page (HX-Request), not for the whole page. */
final class Partial {
    private Partial() {
    }

    static boolean requested(HttpRequest<?> request) {
        return request.getHeaders().get("HX-Request", String.class).filter("true"::equals).isPresent();
    }
}
