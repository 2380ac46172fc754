package com.clientvalue.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * Body size limits by kind, checked on the declared length before anything is read: JSON requests
 * (json-bytes, 1 MiB), rule archives (zip-bytes, 20 MiB compressed; RuleArchive also bounds what they
 * inflate to) and CSV imports (csv-bytes, 1 GiB: ten million order lines fit). Bodies sent
 * without a length are bounded by micronaut.server.max-request-size.
 */
@ServerFilter("/api/**")
class RequestLimits {
    private final long jsonBytes;
    private final long zipBytes;
    private final long csvBytes;

    RequestLimits(@Value("${limits.json-bytes:1048576}") long jsonBytes, @Value("${limits.zip-bytes:20971520}") long zipBytes,
                  @Value("${limits.csv-bytes:1073741824}") long csvBytes) {
        this.jsonBytes = jsonBytes;
        this.zipBytes = zipBytes;
        this.csvBytes = csvBytes;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length <= 0) {
            return null;
        }
        String type = request.getContentType().map(MediaType::getName).orElse("");
        long limit = type.equals("application/zip") ? zipBytes
                : type.equals("text/csv") || type.equals(MediaType.TEXT_PLAIN) ? csvBytes : jsonBytes;
        if (length <= limit) {
            return null;
        }
        Map<String, Object> body = Problems.body("request-too-large", "Request too large", 413, "the body has " + length
                + " bytes; " + (type.isEmpty() ? "this kind of request" : type) + " bodies may have at most " + limit + " bytes");
        body.put("limitBytes", limit);
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).contentType("application/problem+json").body(body);
    }
}
