package com.clientvalue.security;

import com.clientvalue.common.Problems;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
    /** Paths of the web console, which answer pages and redirects rather than problem+json. */
    static final String CONSOLE = "/console";
    static final String SIGN_IN = "/console/sign-in";
    private final ManagementAccess management;
    private final ConsoleRefusals refusals;

    AuthorizationProblems(ManagementAccess management, ConsoleRefusals refusals) {
        this.management = management;
        this.refusals = refusals;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (request.getPath().startsWith(CONSOLE)) {
            return console(request, exception);
        }
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

    /**
     * A console page asked for without a live session goes to the sign-in page (htmx follows
     * HX-Redirect); one the person's roles do not allow answers 403 with a page that says which roles
     * it needs, in the person's language ({@link ConsoleRefusals}).
     */
    private MutableHttpResponse<?> console(HttpRequest<?> request, AuthorizationException exception) {
        if (!exception.isForbidden()) {
            if (request.getHeaders().contains("HX-Request")) {
                return HttpResponse.status(HttpStatus.UNAUTHORIZED).header("HX-Redirect", SIGN_IN);
            }
            return HttpResponse.seeOther(java.net.URI.create(SIGN_IN));
        }
        List<String> required = required(request);
        boolean allowed = required.contains(io.micronaut.security.rules.SecurityRule.IS_AUTHENTICATED)
                || required.stream().anyMatch(exception.getAuthentication().getRoles()::contains);
        if (allowed) {
            // the roles fit: what failed is the CSRF check of a form or an htmx request
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType("text/html;charset=utf-8")
                    .body(refusals.formNotAccepted(request));
        }
        String page = refusals.forbidden(request, required, exception.getAuthentication().getName(),
                exception.getAuthentication().getRoles());
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType("text/html;charset=utf-8").body(page);
    }

    private List<String> required(HttpRequest<?> request) {
        return management.requiredFor(request).orElseGet(() -> securedRoles(request));
    }

    /** The roles Micronaut's SecuredAnnotationRule enforces: the method's @Secured, else its class's. */
    private static List<String> securedRoles(HttpRequest<?> request) {
        return request.getAttribute(io.micronaut.http.HttpAttributes.ROUTE_MATCH, RouteMatch.class)
                .flatMap(match -> ((AnnotationMetadata) match.getAnnotationMetadata()).getValue(Secured.class, String[].class))
                .map(values -> Arrays.asList(values))
                .orElse(List.of());
    }
}
