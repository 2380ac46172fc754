package com.clientvalue.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * One line of a decision's explanation: what it is about, the rule that decided it (its id is the
 * stable reason code), the analysts' sentence with the client's values filled in (the rule's NAME
 * when its row has no reason), the facts and outcomes the sentence quoted, with their values, and
 * what changed since the previous decision when this line's dimension did.
 */
@Serdeable
@Schema(description = "One line of the explanation: dimension (cluster, lifecycle, experience, assessment, actions, categories, "
        + "service, other), reasonCode (the rule id, stable), text (the analysts' sentence in the answered language, with the "
        + "client's values), quoted (the facts and outcomes the sentence quotes, by name, with the values it shows), technical "
        + "(a weight or intermediate level: only in technicalExplanation)")
public record ExplanationLine(String dimension, String reasonCode, String text, Map<String, String> quoted, boolean technical,
                              @Nullable @Schema(description = "on the first line of a cluster, lifecycle or experience that changed since "
                                      + "the previous decision: what it was and which quoted figures moved, e.g. \"was MAINTAIN: potential "
                                      + "was 55, is now 65\"") String change) {

    ExplanationLine withChange(String change) {
        return new ExplanationLine(dimension, reasonCode, text, quoted, technical, change);
    }
}
