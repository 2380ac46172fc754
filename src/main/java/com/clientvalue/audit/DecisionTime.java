package com.clientvalue.audit;

import com.clientvalue.common.Problems;
import io.micronaut.core.annotation.Nullable;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Decision time in query parameters: an ISO-8601 instant in UTC (2011-12-10T00:00:00Z), the form of
 * every decidedAt the API answers with. Business dates (asOf) are plain ISO dates; a date given where
 * a decision time is expected is refused rather than read as some moment of some time zone.
 */
final class DecisionTime {
    private DecisionTime() {
    }

    /** @param hint said after the accepted form, e.g. where business dates go instead; may be empty */
    static @Nullable Instant parse(String parameter, @Nullable String value, String hint) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new NotADecisionTime(parameter, value, hint);
        }
    }

    /** A query parameter that holds decision time holds something else. */
    static final class NotADecisionTime extends AbstractThrowableProblem {
        NotADecisionTime(String parameter, String value, String hint) {
            super(Problems.type("invalid-decision-time"), "Invalid decision time", Status.BAD_REQUEST,
                    parameter + ": '" + abbreviate(value) + "' is not a decision time; use an ISO-8601 UTC instant such as "
                            + "2011-12-10T00:00:00Z" + (hint.isEmpty() ? "" : " (" + hint + ")"), null, null,
                    Map.of("parameter", parameter, "field", parameter));
        }

        private static String abbreviate(String value) {
            return value.length() <= 40 ? value : value.substring(0, 40) + "...";
        }
    }
}
