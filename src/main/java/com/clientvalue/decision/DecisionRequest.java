package com.clientvalue.decision;

import com.clientvalue.common.BusinessDate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Decide one client as of a date (default: today, UTC). */
@Serdeable
public record DecisionRequest(@NotBlank @Size(max = 64) String clientId, @Nullable @BusinessDate LocalDate asOf) {
}
