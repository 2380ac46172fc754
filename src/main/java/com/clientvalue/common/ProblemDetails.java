package com.clientvalue.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The shape of every error answer (RFC 9457 problem details, {@code application/problem+json}), as
 * the OpenAPI document declares it. {@code type} is stable; the members after {@code detail} are
 * present when they apply. Only documents the contract: answers are built by {@link ProblemResponses}.
 */
@Serdeable
@Schema(name = "Problem", description = "An error: type (stable), title, status, detail in words, and the data at fault")
public record ProblemDetails(
        @Schema(description = "stable problem type, e.g. /problems/invalid-request", example = "/problems/invalid-request") String type,
        String title,
        int status,
        @Schema(description = "what is wrong, in words, naming the field, parameter, line or rule row at fault") String detail,
        @Nullable @Schema(description = "the JSON field or query parameter at fault") String field,
        @Nullable @Schema(description = "the CSV line at fault (1 = header)") Integer line,
        @Nullable @Schema(description = "the CSV column at fault") String column,
        @Nullable @Schema(description = "every problem of a rule set, each at its file, table, row and column") List<Map<String, Object>> problems,
        @Nullable @Schema(description = "the constraint violations of a request body, by field") List<Map<String, Object>> violations) {
}
