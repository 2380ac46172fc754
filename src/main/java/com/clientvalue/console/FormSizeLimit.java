package com.clientvalue.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.Set;

/**
 * Console forms are small (a comment, a few fields; the rule grid and uploads send JSON): a form
 * body over {@value #MAX_FORM_BYTES} bytes, or of unknown length, is refused with 413 and a page
 * that says so (in the person's language), before anything reads it.
 */
@ServerFilter("/console/**")
class FormSizeLimit {
    /** Eight times the largest console form (a publication comment of 1,000 characters and its fields). */
    static final long MAX_FORM_BYTES = 8192;
    /** Bodies up to this size are read and dropped after the refusal, rather than cut off. */
    static final long DRAINED_BYTES = 1 << 20;
    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);
    private final RefusalPages pages;

    FormSizeLimit(RefusalPages pages) {
        this.pages = pages;
    }

    @PreMatching
    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        boolean form = request.getContentType().filter(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).isPresent();
        long length = request.getContentLength();
        if (!form || !CHANGES.contains(request.getMethod()) || (length >= 0 && length <= MAX_FORM_BYTES)) {
            return null;
        }
        MutableHttpResponse<String> refused = HttpResponse.<String>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .contentType("text/html;charset=utf-8").body(pages.formTooLarge(request, MAX_FORM_BYTES, length));
        // A body of known, moderate length is read to its end and dropped, so that the browser, still sending
        // it, receives the page: closing at once would reset the connection and lose the page. Larger or
        // unbounded bodies are not worth reading: the connection closes.
        return length < 0 || length > DRAINED_BYTES ? refused.header("Connection", "close") : refused;
    }
}
