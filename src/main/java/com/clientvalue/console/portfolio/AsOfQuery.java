package com.clientvalue.console.portfolio;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The query string that keeps a page's date when it links or redirects to another. */
record AsOfQuery(@Nullable String asOf) {
    String text() {
        return asOf == null || asOf.isBlank() ? "" : "?asOf=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8);
    }
}
