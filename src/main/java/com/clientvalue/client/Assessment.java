package com.clientvalue.client;

import com.clientvalue.common.BusinessDate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A team's risk / opportunity assessment of a client (DOMAIN.md section 4): each of the five
 * dimensions rated 1-5 for risk (danger of losing business) and opportunity (room to develop).
 * assessorRoles says who assessed in which role: as given, or from the client's team (by name) when
 * recorded; missingRoles are the team roles none of the assessors held (answered, never read).
 */
@Serdeable
public record Assessment(@Nullable Long id, @Nullable String clientId, @NotNull @PastOrPresent @BusinessDate LocalDate assessedOn,
                         @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 100) String> assessors,
                         @Nullable @Size(max = 10) List<@Valid @NotNull Assessor> assessorRoles,
                         @NotNull @Valid Rating competition, @NotNull @Valid Rating serviceLevel,
                         @NotNull @Valid Rating knowledge, @NotNull @Valid Rating product, @NotNull @Valid Rating people,
                         @Nullable @Size(max = 2000) String notes, @Nullable Instant recordedAt,
                         @Nullable List<TeamRole> missingRoles) {

    /** An assessor and the role it assessed in (null: not known). */
    @Serdeable
    public record Assessor(@NotBlank @Size(max = 100) String name, @Nullable TeamRole role) {
    }

    /** One dimension's ratings, 1 (low) to 5 (high). */
    @Serdeable
    public record Rating(@NotNull @Min(1) @Max(5) Integer risk, @NotNull @Min(1) @Max(5) Integer opportunity) {
    }
}
