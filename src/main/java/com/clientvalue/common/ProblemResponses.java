package com.clientvalue.common;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.zalando.problem.ThrowableProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error as RFC 9457 problem+json: type, title, numeric status, a detail naming the field,
 * line or rule at fault, and extension members at the top level. A 5xx never carries an internal
 * message.
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
final class ProblemResponses implements ErrorResponseProcessor<Map<String, Object>> {
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Map<String, Object>> typed = (MutableHttpResponse<Map<String, Object>>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        Throwable cause = context.getRootCause().orElse(null);
        Map<String, Object> body = cause instanceof ConstraintViolationException violations
                ? violations(violations)
                : cause instanceof ThrowableProblem problem ? problem(problem) : generic(context, response.code());
        return typed.contentType(PROBLEM_JSON).body(body);
    }

    private static Map<String, Object> problem(ThrowableProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus() == null ? 500 : problem.getStatus().getStatusCode());
        body.put("detail", problem.getDetail());
        body.putAll(problem.getParameters());
        return body;
    }

    private static Map<String, Object> violations(ConstraintViolationException exception) {
        List<Map<String, String>> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            violations.add(Map.of("field", field(violation.getPropertyPath()), "message", violation.getMessage()));
        }
        violations.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.type("invalid-request").toString());
        body.put("title", "Invalid request");
        body.put("status", 400);
        body.put("detail", violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                .collect(Collectors.joining("; ")));
        // the first field at fault at the top, as every other 400 names it; all of them in violations
        body.put("field", violations.isEmpty() ? null : violations.get(0).get("field"));
        body.put("violations", violations);
        return body;
    }

    // "decide.request.clientId" -> "clientId"; "list.size" -> "size": callers know fields, not Java methods
    private static String field(Path path) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getIndex() != null && !nodes.isEmpty()) {
                nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                nodes.add(node.getName());
            }
        }
        int drop = nodes.size() > 2 ? 2 : Math.min(1, nodes.size());
        return String.join(".", nodes.subList(drop, nodes.size()));
    }

    private static Map<String, Object> generic(ErrorContext context, int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        io.micronaut.http.HttpStatus httpStatus = io.micronaut.http.HttpStatus.valueOf(status);
        body.put("type", Problems.type(httpStatus.name().toLowerCase().replace('_', '-')).toString());
        body.put("title", httpStatus.getReason());
        body.put("status", status);
        if (status < 500) {
            String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
            body.put("detail", detail.isBlank() ? httpStatus.getReason() : InputProblems.words(detail));
            RoutingProblems.explain(context.getRequest(), httpStatus, detail, body);
        } else {
            body.put("detail", "The service could not answer; the error is logged. Try again later or contact the operators.");
        }
        return body;
    }
}
