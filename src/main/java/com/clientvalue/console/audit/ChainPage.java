package com.clientvalue.console.audit;

import com.clientvalue.audit.AuditVerification;
import com.clientvalue.console.ConsoleUi;
import com.clientvalue.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * {@code /console/audit/verify}: recomputes the hash chain on request (the button; the same use case
 * as GET /api/audit/verify) and says whether it is intact or where it first breaks and why.
 */
@Hidden
@Controller("/console/audit/verify")
@Secured(Roles.AUDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class ChainPage {
    private final AuditVerification chain;
    private final ConsoleUi ui;

    ChainPage(AuditVerification chain, ConsoleUi ui) {
        this.chain = chain;
        this.ui = ui;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> verify(HttpRequest<?> request, Authentication person, @Nullable @QueryValue String run) {
        ChainCheck page = run == null ? new ChainCheck(null, null) : shown(chain.verify());
        boolean partial = run != null && request.getHeaders().contains("HX-Request");
        return new ModelAndView<>(partial ? "console/audit/verification" : "console/audit/verify",
                Map.of("ui", ui.of(request, person, "audit"), "page", page));
    }

    /** The chain's own explanation is an English sentence: its kind is said in the page's language as well. */
    private static ChainCheck shown(AuditVerification.Verification result) {
        String problem = result.problem();
        String key = null;
        if (problem != null) {
            if (problem.contains("checkpoint") && (problem.contains("signature") || problem.contains("rewritten"))) {
                key = "audit.verify.rewritten";
            } else if (problem.contains("does not match its") || problem.contains("Merkle root") || problem.contains("was changed")) {
                key = "audit.verify.changed";
            } else if (problem.contains("were removed")) {
                key = "audit.verify.truncated";
            } else if (problem.contains("is missing")) {
                key = "audit.verify.missing";
            } else if (problem.contains("link")) {
                key = "audit.verify.relinked";
            }
        }
        return new ChainCheck(result, key);
    }
}
