package com.clientvalue.client;

import com.clientvalue.common.BusinessDate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A client brought to us by another (word of mouth): who referred it, and when. */
@Serdeable
@Schema(description = "A client referred by another client: the referred clientId, the referrer, the date")
public record Referral(@Nullable String clientId,
                       @Schema(description = "the client_id of the client who referred this one")
                       @NotBlank @Size(max = 64) String referredBy,
                       @NotNull @BusinessDate LocalDate referredOn,
                       @Nullable @Size(max = 1000) String note) {
}
