package com.clientvalue.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Optional;

/**
 * Who may read the management endpoints. Decided on the endpoint the request was routed to, not on
 * its path, so that /prometheus/, /metrics/{name} or a selector cannot slip past a URL pattern.
 * Metrics (/metrics, /metrics/{name}, /prometheus) need MONITORING or ADMIN, so that a scraper's
 * token can do nothing else; every other sensitive endpoint needs ADMIN. /health is not sensitive
 * and shows its status only (endpoints.health.details-visible: NEVER).
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class ManagementAccess extends SensitiveEndpointRule {
    private static final List<String> METRICS_READERS = List.of(Roles.MONITORING, Roles.ADMIN);
    private static final List<String> ADMIN_ONLY = List.of(Roles.ADMIN);

    ManagementAccess(EndpointSensitivityProcessor processor) {
        super(processor);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                        @NonNull Authentication authentication,
                                                                        @NonNull ExecutableMethod<?, ?> method) {
        boolean allowed = required(method).stream().anyMatch(authentication.getRoles()::contains);
        return Publishers.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    /** The roles of the management endpoint this request was routed to, if it was routed to one. */
    Optional<List<String>> requiredFor(HttpRequest<?> request) {
        return request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(match -> ((MethodBasedRouteMatch<?, ?>) match).getExecutableMethod())
                .filter(endpointMethods::containsKey)
                .map(this::required);
    }

    private List<String> required(ExecutableMethod<?, ?> method) {
        String endpoint = method.stringValue(Endpoint.class, "id").orElseGet(() -> method.stringValue(Endpoint.class).orElse(""));
        return "metrics".equals(endpoint) || "prometheus".equals(endpoint) ? METRICS_READERS : ADMIN_ONLY;
    }
}
