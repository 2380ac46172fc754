package com.clientvalue.common;

import java.net.URI;

/** Stable problem types: clients may switch on them, so a type never changes once published. */
public final class Problems {
    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    /** A problem+json body for answers built outside exceptions (filters, security): type, title, status, detail. */
    public static java.util.Map<String, Object> body(String slug, String title, int status, String detail) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", type(slug).toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
