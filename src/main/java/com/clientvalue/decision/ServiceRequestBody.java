package com.clientvalue.decision;

import com.clientvalue.common.BusinessDate;
import io.micronaut.core.annotation.Nullable;
import com.clientvalue.common.PlainAmount;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A client asks for a service: may it have it?
 *
 * @param service         a code of the services vocabulary (GET /api/rules lists them)
 * @param paid            false for a free (unpaid) service
 * @param discountPercent discount off the price list asked for, 0-100; none when absent
 */
@Serdeable
public record ServiceRequestBody(@NotBlank @Size(max = 64) String clientId,
                                 @NotBlank @Size(max = 64) String service,
                                 @NotNull Boolean paid,
                                 @Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                                 @Serdeable.Deserializable(using = PlainAmount.class) BigDecimal discountPercent,
                                 @Nullable @BusinessDate LocalDate asOf) {
}
