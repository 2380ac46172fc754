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
    private final AuditChain chain;

    AuditVerifyController(AuditChain chain) {
        this.chain = chain;
    }

    @Get
    @Operation(summary = "Recompute the audit's hash chain and report the first broken link (AUDITOR)",
            description = "record_hash = SHA-256(prev_hash + '\\n' + canonical record), the canonical record being its columns "
                    + "as name=value lines (decision_id, client_id, as_of, rule_version, decided_at in ISO-8601 UTC, kind, job_id, "
                    + "cluster, lifecycle, experience_segment) and the decision document last; the first record links to 64 "
                    + "zeros. intact=false names the first record whose content or link does not hold, a missing record, or "
                    + "newest records removed (the chain ends before its head).")
    AuditChain.Verification verify() {
        return chain.verify();
    }
}
