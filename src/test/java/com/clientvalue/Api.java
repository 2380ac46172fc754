package com.clientvalue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Calls the running service over HTTP and reads JSON and problem+json answers as maps. */
public record Api(BlockingHttpClient http, JsonMapper json) {

    public Map<String, Object> importCsv(String kind, String csv) {
        return body(http.exchange(HttpRequest.POST("/api/imports/" + kind, csv).contentType("text/csv"), String.class));
    }

    public Problem rejectedImport(String kind, String csv) {
        return problem(HttpRequest.POST("/api/imports/" + kind, csv).contentType("text/csv"));
    }

    public Map<String, Object> get(String uri) {
        return body(http.exchange(HttpRequest.GET(uri), String.class));
    }

    public Map<String, Object> post(String uri, Object body) {
        return body(http.exchange(HttpRequest.POST(uri, body), String.class));
    }

    public int put(String uri, Object body) {
        return http.exchange(HttpRequest.PUT(uri, body), String.class).code();
    }

    public String postRaw(String uri, Object body) {
        return http.exchange(HttpRequest.POST(uri, body), String.class).body();
    }

    public String getRaw(String uri) {
        return http.exchange(HttpRequest.GET(uri), String.class).body();
    }

    /** A refused request: its status, content type and problem body. */
    public record Problem(int status, String contentType, Map<String, Object> body, Map<String, String> headers) {
        public String detail() {
            return String.valueOf(body.get("detail"));
        }
    }

    public Problem problem(HttpRequest<?> request) {
        Problem answer = answer(request);
        if (answer.status() < 400) {
            throw new AssertionError("expected an error, got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /** Any answer, success or error; a JSON body is read, any other is kept under "text". */
    public Problem answer(HttpRequest<?> request) {
        HttpResponse<String> response;
        try {
            response = http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> error = (HttpResponse<String>) e.getResponse();
            response = error;
        }
        String contentType = response.getContentType().map(Object::toString).orElse("");
        String body = response.getBody(String.class).orElse("");
        Map<String, String> headers = new java.util.HashMap<>();
        response.getHeaders().forEachValue(headers::put);
        return new Problem(response.code(), contentType, contentType.contains("json") && !body.isBlank() && body.startsWith("{")
                ? read(body) : Map.of("text", body), headers);
    }

    public Map<String, Object> read(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> body(HttpResponse<String> response) {
        return read(response.body());
    }
}
