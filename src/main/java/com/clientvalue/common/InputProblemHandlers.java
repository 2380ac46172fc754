package com.clientvalue.common;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The framework's handlers for values that cannot be read answer with the Java message ("No enum
 * constant com.clientvalue...", "Cannot deserialize value of type `java.lang.Boolean`"): these
 * replace them with {@link InputProblems}, which names the field or parameter and what it accepts.
 */
@Factory
class InputProblemHandlers {

    @Singleton
    @Replaces(ConversionErrorHandler.class)
    ExceptionHandler<ConversionErrorException, HttpResponse<?>> conversion() {
        return (request, error) -> badRequest(error.getArgument().getAnnotationMetadata().hasAnnotation(Body.class)
                ? InputProblems.jsonBody(error)
                : InputProblems.parameter(error.getArgument().getName(), error.getArgument(),
                error.getConversionError().getOriginalValue().orElse(null)));
    }

    @Singleton
    @Replaces(JsonExceptionHandler.class)
    ExceptionHandler<JsonSyntaxException, HttpResponse<?>> syntax() {
        return (request, error) -> badRequest(InputProblems.jsonBody(error));
    }

    @Singleton
    @Replaces(UnsatisfiedArgumentHandler.class)
    ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> missing() {
        return (request, error) -> badRequest(missing(error.getArgument()));
    }

    @Singleton
    @Replaces(UnsatisfiedRouteHandler.class)
    ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> missingRouteValue() {
        return (request, error) -> badRequest(missing(error.getArgument()));
    }

    private static Map<String, Object> missing(Argument<?> argument) {
        boolean body = argument.getAnnotationMetadata().hasAnnotation(Body.class);
        String field = body ? "body" : argument.getName();
        String expected = body ? "a body as documented for this endpoint" : InputProblems.expected(argument);
        Map<String, Object> problem = InputProblems.body(field, expected, null);
        problem.put("detail", body ? "the request has no body; this endpoint needs one" : field + " is required: " + expected);
        return problem;
    }

    private static HttpResponse<?> badRequest(Map<String, Object> body) {
        return HttpResponse.badRequest(body).contentType(ProblemResponses.PROBLEM_JSON);
    }
}
