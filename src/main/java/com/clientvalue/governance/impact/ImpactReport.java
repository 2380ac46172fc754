package com.clientvalue.governance.impact;

import com.clientvalue.decision.OutcomeSummary;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * What publishing a candidate would change over the stored portfolio as of a date.
 *
 * @param changed how many clients change, per dimension (a client may count in several)
 * @param sample  some affected clients, with the outcome under each version
 */
@Serdeable
public record ImpactReport(LocalDate asOf, String activeVersion, String candidateVersion, long clients, Changes changed,
                           List<Cell> clusterMatrix, List<Cell> lifecycleMatrix, List<AffectedClient> sample,
                           long elapsedMillis) {

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

    @Serdeable
    public record AffectedClient(String clientId, OutcomeSummary active, OutcomeSummary candidate) {
    }
}
