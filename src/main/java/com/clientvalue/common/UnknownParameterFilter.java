package com.clientvalue.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refuses the query parameters a {@link RefuseUnknownParameters} route does not declare. The accepted
 * names are the route's own {@code @QueryValue} arguments, so they cannot drift from the code. Runs
 * after security: a caller without the role learns nothing about the parameters.
 */
@ServerFilter("/api/**")
final class UnknownParameterFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (!(RouteAttributes.getRouteMatch(request).orElse(null) instanceof MethodBasedRouteMatch<?, ?> route)
                || !route.hasAnnotation(RefuseUnknownParameters.class)) {
            return null;
        }
        List<String> accepted = accepted(route.getArguments());
        List<String> unknown = request.getParameters().names().stream().filter(name -> !accepted.contains(name)).toList();
        if (unknown.isEmpty()) {
            return null;
        }
        String named = unknown.stream().map(name -> "'" + abbreviate(name) + "'").collect(Collectors.joining(", "));
        Map<String, Object> body = Problems.body("unknown-parameter", "Unknown parameter", 400,
                (unknown.size() == 1 ? "unknown query parameter " : "unknown query parameters ") + named + "; this endpoint takes "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted)) + " (names are case-sensitive)");
        body.put("parameters", unknown.stream().map(UnknownParameterFilter::abbreviate).toList());
        body.put("accepted", accepted);
        return HttpResponse.badRequest().contentType(ProblemResponses.PROBLEM_JSON).body(body);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    private static List<String> accepted(Argument<?>[] arguments) {
        List<String> names = new ArrayList<>();
        for (Argument<?> argument : arguments) {
            if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                names.add(argument.getAnnotationMetadata().stringValue(QueryValue.class).filter(name -> !name.isBlank())
                        .orElse(argument.getName()));
            }
        }
        return List.copyOf(names);
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
