package com.clientvalue.audit;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.security.Roles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@StandardProblems
@Controller("/api/audit/verify")
@Tag(name = "Audit")
@Secured(Roles.AUDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditVerifyController {
    private final AuditVerification verification;

    AuditVerifyController(AuditVerification verification) {
        this.verification = verification;
    }

    @Get
    @Operation(summary = "Verify the whole audit: signed checkpoints, every ledger segment, the legacy chain (AUDITOR)",
            description = "Checks each signed checkpoint (numbered without gaps, linked to the one before, signed by the audit key), "
                    + "each segment's blocks (linked in order, headers matching their hashes, decisions giving their Merkle roots, "
                    + "each decision matching its record hash, the blocks each checkpoint signed) and the pre-ledger chain. "
                    + "intact=false: problem names the first checkpoint, segment, block or decision at fault. The hash forms are in "
                    + "src/docs/audit.md; an export can be checked without the service: java -jar client-decisions.jar verify-audit.")
    AuditVerification.Verification verify() {
        return verification.verify();
    }
}
