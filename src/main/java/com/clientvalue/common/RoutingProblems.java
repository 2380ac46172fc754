package com.clientvalue.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The router's own refusals (no such path, a method or a content type the path does not take) in
 * words, with what would have been accepted. security.reject-not-found is off, so these reach the
 * router instead of being answered 401/403 as if the token were at fault.
 */
final class RoutingProblems {
    static final String CONTRACT = "/swagger/client-decisions-0.1.yml";
    private static final Pattern ALLOWED = Pattern.compile("Allowed (?:methods|types): \\[([^\\]]*)\\]");

    private RoutingProblems() {
    }

    static void explain(HttpRequest<?> request, HttpStatus status, String frameworkMessage, Map<String, Object> body) {
        String call = request.getMethodName() + " " + request.getPath();
        List<String> allowed = allowed(frameworkMessage);
        switch (status) {
            case NOT_FOUND -> {
                if ("Page Not Found".equals(frameworkMessage) || frameworkMessage.isBlank()) {
                    body.put("detail", "no endpoint answers " + call + "; the endpoints are listed in the OpenAPI document " + CONTRACT);
                }
            }
            case METHOD_NOT_ALLOWED -> {
                body.put("detail", request.getMethodName() + " is not allowed on " + request.getPath() + "; it accepts " + String.join(", ", allowed));
                body.put("allowedMethods", allowed);
            }
            case UNSUPPORTED_MEDIA_TYPE -> {
                String sent = request.getContentType().map(MediaType::toString).orElse(null);
                body.put("detail", (sent == null ? call + " was sent without a Content-Type" : call + " does not take a body of type " + sent)
                        + "; send Content-Type: " + String.join(" or ", allowed));
                body.put("field", "Content-Type");
                body.put("acceptedTypes", allowed);
            }
            default -> {
            }
        }
    }

    private static List<String> allowed(String message) {
        Matcher matcher = ALLOWED.matcher(message == null ? "" : message);
        return matcher.find() ? Arrays.stream(matcher.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList() : List.of();
    }
}
