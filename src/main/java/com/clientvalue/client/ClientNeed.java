package com.clientvalue.client;

import com.clientvalue.common.BusinessDate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A need a client stated (the wish list): open from {@code statedOn} until {@code closedOn}, when it was
 * met or dropped. The open needs as of a date are facts of the decisions of that date.
 */
@Serdeable
@Schema(description = "A need stated by a client; open from statedOn until closedOn (then MET or DROPPED)")
public record ClientNeed(@Schema(description = "the CRM's id of the need, unique per client")
                         @NotBlank @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*") String needId,
                         @Nullable String clientId,
                         @NotNull @BusinessDate LocalDate statedOn,
                         @Schema(description = "what the need is about, e.g. PACKAGING, DELIVERY, TRAINING (free text, up to 64 characters)")
                         @NotBlank @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*") String category,
                         @NotBlank @Size(max = 1000) String text,
                         @Nullable @BusinessDate LocalDate closedOn,
                         @Schema(description = "MET or DROPPED, with closedOn; null while open")
                         @Nullable @Pattern(regexp = "MET|DROPPED") String outcome) {

    public boolean openOn(LocalDate asOf) {
        return !statedOn.isAfter(asOf) && (closedOn == null || closedOn.isAfter(asOf));
    }
}
