package com.clientvalue.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * When MariaDB cannot be reached, the answer is 503 problem+json with Retry-After: the request may
 * be sent again, and nothing of it was kept (a decision is answered only after its audit record
 * committed). The same for a write that lost a conflict with concurrent writes at every try
 * ({@link ConflictRetry}). Any other unexpected error stays a 500 whose cause is logged.
 */
@Singleton
public class DatabaseUnavailableHandler implements ExceptionHandler<RuntimeException, MutableHttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);
    private final ErrorResponseProcessor<?> problems;
    private final int retryAfterSeconds;

    DatabaseUnavailableHandler(ErrorResponseProcessor<?> problems,
                               @Value("${db.unavailable.retry-after-seconds:5}") int retryAfterSeconds) {
        this.problems = problems;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (TransientConflict.is(exception)) {
            LOG.warn("Write conflict on {} {} after {} tries: {}", request.getMethodName(), request.getPath(), ConflictRetry.ATTEMPTS,
                    rootMessage(exception));
            Map<String, Object> body = Problems.body("write-conflict", "Service unavailable", 503,
                    "the request's write lost a conflict with concurrent writes " + ConflictRetry.ATTEMPTS
                            + " times; nothing of this request was kept. Retry in 1 s.");
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .contentType("application/problem+json").body(body);
        }
        if (!unreachable(exception)) {
            LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
            return problems.processResponse(ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage()).build(),
                    HttpResponse.serverError());
        }
        LOG.warn("MariaDB unreachable on {} {}: {}", request.getMethodName(), request.getPath(), rootMessage(exception));
        Map<String, Object> body = Problems.body("database-unavailable", "Service unavailable", 503,
                "the database cannot be reached; nothing of this request was kept. Retry in " + retryAfterSeconds + " s.");
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", String.valueOf(retryAfterSeconds))
                .contentType("application/problem+json").body(body);
    }

    /** Whether this failure is MariaDB out of reach (a lost connection, a node not ready), not the request's. */
    public static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || cause instanceof java.net.SocketException || cause instanceof java.io.EOFException
                    || cause instanceof io.micronaut.data.connection.exceptions.ConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
