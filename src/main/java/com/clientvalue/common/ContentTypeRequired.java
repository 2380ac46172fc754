package com.clientvalue.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.RouteMatch;

import java.util.List;
import java.util.Map;

/**
 * A body sent without Content-Type is refused with 415 naming the types the endpoint takes. The
 * router would read it as JSON, so a CSV posted to a JSON endpoint by a script that forgot the
 * header would be answered with a confusing syntax error, or worse, understood. Runs after
 * security: an anonymous caller learns nothing about an endpoint before its token is checked.
 */
@ServerFilter("/api/**")
class ContentTypeRequired implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getContentType().isPresent() || !hasBody(request)) {
            return null;
        }
        RouteInfo<?> route = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class)
                .map(match -> (RouteInfo<?>) match.getRouteInfo()).orElse(null);
        if (route == null || !route.isPermitsRequestBody() || route.getBodyArgument().isEmpty()) {
            return null;
        }
        List<String> accepted = route.getConsumes().stream().map(MediaType::toString).toList();
        Map<String, Object> body = Problems.body("unsupported-media-type", "Unsupported Media Type", 415,
                request.getMethodName() + " " + request.getPath() + " was sent without a Content-Type; send Content-Type: "
                        + String.join(" or ", accepted));
        body.put("field", "Content-Type");
        body.put("acceptedTypes", accepted);
        return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(ProblemResponses.PROBLEM_JSON).body(body);
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
