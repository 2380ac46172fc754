package com.clientvalue.common;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem answers every /api operation may give, declared once for the OpenAPI document: put it
 * on a controller. Operations add their own (404, 409, 413, 415, 422) with {@code @ApiResponse}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", description = "Bad request: a field, parameter or line is wrong (the problem names it)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "401", description = "No token, or an unknown or revoked one",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "403", description = "The token's roles do not include one the operation accepts",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "503", description = "MariaDB cannot be reached: retry after the Retry-After seconds",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
public @interface StandardProblems {
}
