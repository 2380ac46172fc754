package com.clientvalue;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * The test clients' requests carry the tests' token (every role, see application-test.yml) unless
 * they bring their own Authorization header, or ask to be anonymous with the X-Test-Anonymous header.
 */
@ClientFilter("/**")
@Requires(env = "test")
public class TestBearer {
    public static final String TOKEN = "test-token-with-every-role";
    public static final String ANONYMOUS = "X-Test-Anonymous";

    @RequestFilter
    void bearer(MutableHttpRequest<?> request) {
        if (request.getHeaders().contains(ANONYMOUS)) {
            request.getHeaders().remove(ANONYMOUS);
            return;
        }
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(TOKEN);
        }
    }
}
