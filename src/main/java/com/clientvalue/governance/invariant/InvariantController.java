package com.clientvalue.governance.invariant;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The policy invariants in force and their history; only COMPLIANCE changes them. */
@StandardProblems
@Controller("/api/rules/invariants")
@Tag(name = "Rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class InvariantController {
    private final StoredInvariants stored;
    private final InvariantChange change;

    InvariantController(StoredInvariants stored, InvariantChange change) {
        this.stored = stored;
        this.change = change;
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get
    @Operation(summary = "The policy invariants in force: revision, who changed them, when, why, and the CSV (id,description,rule)",
            description = "Every validation, publication, activation and shadow is checked against these, whatever the candidate holds.")
    StoredInvariants.Revision current() {
        return stored.current();
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get("/history")
    @Operation(summary = "Every revision of the policy invariants, newest first, with its content")
    List<StoredInvariants.Revision> history() {
        return stored.history();
    }

    @Secured(Roles.COMPLIANCE)
    @Put(consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Replace the policy invariants with a new revision (COMPLIANCE only)",
            description = "The body is the whole CSV (id,description,rule; rules/README.md explains the two forms). It must be "
                    + "readable and hold for the active rules over generated and stored clients; otherwise 422 problem+json "
                    + "listing every problem, and nothing changes. Recorded in the admin log.")
    StoredInvariants.Revision replace(@Body @Size(max = 1_000_000) String csv,
                                      @Nullable @QueryValue @Size(max = 1000) String comment, Authentication caller) {
        return change.change(csv, caller.getName(), comment);
    }
}
