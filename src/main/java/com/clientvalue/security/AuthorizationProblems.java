package com.clientvalue.security;

import com.clientvalue.common.Problems;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 401 and 403 as problem+json that say what is wrong: no token or an unknown one (401, with a
 * Bearer challenge), or a token whose roles do not include one the endpoint requires (403, naming
 * both).
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthorizationProblems implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    private final ManagementAccess management;

    AuthorizationProblems(ManagementAccess management) {
        this.management = management;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!exception.isForbidden()) {
            Map<String, Object> body = Problems.body("unauthorized", "Unauthorized", 401, request.getHeaders().getAuthorization().isPresent()
                    ? "the bearer token is unknown or revoked"
                    : "this endpoint needs a bearer token: Authorization: Bearer <token> (see the README, section Security)");
            return HttpResponse.unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .contentType("application/problem+json").body(body);
        }
        List<String> required = required(request);
        List<String> held = List.copyOf(exception.getAuthentication().getRoles());
        Map<String, Object> body = Problems.body("forbidden", "Forbidden", 403, "the token '" + exception.getAuthentication().getName()
                + "' has the roles " + held + "; " + request.getMethodName() + " " + request.getPath() + " needs one of " + required);
        body.put("requiredRoles", required);
        body.put("tokenRoles", held);
        return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN).contentType("application/problem+json").body(body);
    }

    private List<String> required(HttpRequest<?> request) {
        return management.requiredFor(request).orElseGet(() -> securedRoles(request));
    }

    private static List<String> securedRoles(HttpRequest<?> request) {
        return request.getAttribute(io.micronaut.http.HttpAttributes.ROUTE_MATCH, RouteMatch.class)
                .map(match -> (AnnotationMetadata) match.getAnnotationMetadata())
                .flatMap(metadata -> metadata.stringValues(Secured.class).length == 0 ? java.util.Optional.<String[]>empty()
                        : java.util.Optional.of(metadata.stringValues(Secured.class)))
                .map(values -> Arrays.asList(values))
                .orElse(List.of());
    }
}
