package com.clientvalue.decision;

import com.clientvalue.common.BusinessDate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Decide several clients as of one date; each is decided and audited once. */
@Serdeable
public record BatchDecisionRequest(@NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 64) String> clientIds,
                                   @Nullable @BusinessDate LocalDate asOf) {
}
