package com.clientvalue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;

/**
 * Base of the tests that talk to the running service over HTTP and check MariaDB directly.
 * Subclasses carry {@code @MicronautTest(transactional = false)}: a test transaction would hold
 * locks that the server's own transactions wait for.
 */
public abstract class HttpIntegrationTest {
    @Inject
    @Client("/")
    protected HttpClient http;
    @Inject
    protected JsonMapper json;
    @Inject
    protected TestDatabase db;

    protected Api api() {
        return new Api(http.toBlocking(), json);
    }
}
