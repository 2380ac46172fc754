package com.clientvalue.security;

import com.clientvalue.common.StandardProblems;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

@StandardProblems
@Controller("/api/tokens")
@Tag(name = "Security")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenController {
    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Serdeable
    record NewToken(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only")
                    String name,
                    @NotEmpty @Size(max = 6) List<@Pattern(regexp = "CRM|ANALYST|AUDITOR|ADMIN|COMPLIANCE|MONITORING",
                            message = "must be one of CRM, ANALYST, AUDITOR, ADMIN, COMPLIANCE, MONITORING") String> roles) {
    }

    @Post
    @Operation(summary = "Create a token (ADMIN)", description = "The answer is the only time the token's value is shown; "
            + "MariaDB keeps its SHA-256. Roles: CRM, ANALYST, AUDITOR, ADMIN, COMPLIANCE, MONITORING (metrics only). Recorded in the admin log.")
    @ApiResponse(responseCode = "201", description = "Created: the token, whose value is shown this once", useReturnTypeSchema = true)
    HttpResponse<ApiTokens.IssuedToken> create(@Body @Valid NewToken request, Authentication caller) {
        return HttpResponse.status(HttpStatus.CREATED).body(tokens.create(request.name(), request.roles().stream().distinct().toList(),
                caller.getName()));
    }

    @Get
    @Operation(summary = "Every token with its roles, creation and revocation (never its value) (ADMIN)")
    List<ApiTokens.TokenInfo> list() {
        return tokens.list();
    }

    @Delete("/{name}")
    @Operation(summary = "Revoke a token (ADMIN); it stops working within 5 seconds. Recorded in the admin log.")
    ApiTokens.TokenInfo revoke(@PathVariable @Size(max = 100) String name, Authentication caller) {
        return tokens.revoke(name, caller.getName());
    }
}
