package com.clientvalue.governance.impact;

import com.clientvalue.decision.OutcomeSummary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * What publishing a candidate would change over the stored portfolio as of a date.
 *
 * @param changed           how many clients change, per dimension (a client may count in several)
 * @param clusterMatrix     clients per cluster under the active version (from) and the candidate (to); NONE when unplaced
 * @param lifecycleMatrix   clients per lifecycle state, from the active version to the candidate; NONE when unplaced
 * @param experienceMatrix  clients per experience segment (DEVOTED, SATISFIED, DISSATISFIED, LOST_OR_INACTIVE), from the active
 *                          version to the candidate; NONE when the rules give none (no survey)
 * @param entitlementMatrix clients per answer to the probe request (an unpaid STANDARD service, the first of the year):
 *                          GRANTED or REFUSED, NONE when the rules give no answer; from the active version to the candidate
 * @param sample            some affected clients, with the outcome under each version
 */
@Serdeable
public record ImpactReport(LocalDate asOf, String activeVersion, String candidateVersion, long clients, Changes changed,
                           List<Cell> clusterMatrix, List<Cell> lifecycleMatrix, List<Cell> experienceMatrix,
                           List<Cell> entitlementMatrix, List<AffectedClient> sample, long elapsedMillis) {
    /** The probe request is granted (an entitlement matrix value). */
    public static final String GRANTED = "GRANTED";
    /** The probe request is refused (an entitlement matrix value). */
    public static final String REFUSED = "REFUSED";

    /**
     * @param freeServiceEntitlement clients whose answer to the probe request (an unpaid STANDARD
     *                               service, the first of the year) changes
     */
    @Serdeable
    public record Changes(long anything, long cluster, long lifecycle, long experienceSegment, long actions,
                          long freeServiceEntitlement) {
    }

    /** Clients moving from one value to another (from = to counts those that stay). */
    @Serdeable
    public record Cell(String from, String to, long clients) {
    }

    /**
     * @param activeExplanation    the short explanation under the active version (English, or Italian when the preview's
     *                             Accept-Language prefers it), beside
     * @param candidateExplanation the one under the candidate: how the analysts' sentences change for this client
     */
    @Serdeable
    public record AffectedClient(String clientId, OutcomeSummary active, OutcomeSummary candidate,
                                 @Nullable List<String> activeExplanation, @Nullable List<String> candidateExplanation) {
        public AffectedClient(String clientId, OutcomeSummary active, OutcomeSummary candidate) {
            this(clientId, active, candidate, null, null);
        }
    }
}
