package com.clientvalue.client;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.common.BusinessDate;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Secured(Roles.CRM)
@StandardProblems
@Controller("/api/clients")
@Tag(name = "Clients")
@ExecuteOn(TaskExecutors.BLOCKING)
class ClientController {
    private final FactsLoader facts;
    private final LossReasons lossReasons;
    private final Assessments assessments;
    private final ClientNeeds needs;
    private final Referrals referrals;
    private final ClientTeam team;
    private final Clock clock;

    ClientController(FactsLoader facts, LossReasons lossReasons, Assessments assessments, ClientNeeds needs, Referrals referrals,
                     ClientTeam team, Clock clock) {
        this.team = team;
        this.referrals = referrals;
        this.needs = needs;
        this.facts = facts;
        this.lossReasons = lossReasons;
        this.assessments = assessments;
        this.clock = clock;
    }

    @Post("/{clientId}/assessments")
    @Operation(summary = "Record a risk / opportunity assessment of a client",
            description = "Five dimensions (competition, serviceLevel, knowledge, product, people), each rated 1-5 for risk "
                    + "and opportunity, the assessors and the date. History is kept; the next decisions see daysSinceAssessment. "
                    + "assessorRoles (optional) gives assessors' roles (KEY_ACCOUNT, AREA_MANAGER, CUSTOMER_SERVICE) by name; an "
                    + "assessor without one takes the role the client's team (PUT /api/clients/{clientId}/team) gives that name, "
                    + "when recorded. The answer lists every assessor with its role (null: none known) and missingRoles, the team "
                    + "roles none of them held. A role for a name that is not an assessor: 400 naming assessorRoles[i].name.")
    @Status(HttpStatus.CREATED)
    Assessment assess(@PathVariable String clientId, @Body @Valid Assessment assessment) {
        return assessments.record(clientId, assessment);
    }

    @Put("/{clientId}/team")
    @Operation(summary = "Replace a client's assessment team: who is its key account, area manager and customer service",
            description = "One person per role (a role twice: 400 naming members[i].role); the roles left out are nobody's. "
                    + "Assessments recorded from then on take their assessors' roles from it by name; earlier ones keep theirs. "
                    + "Answers the team with missingRoles, the roles nobody holds.")
    ClientTeam.Team replaceTeam(@PathVariable String clientId, @Body @Valid ClientTeam.Team members) {
        return team.replace(clientId, members);
    }

    @Secured({Roles.CRM, Roles.ANALYST, Roles.AUDITOR})
    @Get("/{clientId}/team")
    @Operation(summary = "A client's assessment team, by role, with the roles nobody holds")
    ClientTeam.Team team(@PathVariable String clientId) {
        return team.of(clientId);
    }

    @Get("/{clientId}/assessments")
    @Operation(summary = "A client's assessments, newest first")
    List<Assessment> assessments(@PathVariable String clientId) {
        return assessments.history(clientId);
    }

    @Post("/{clientId}/needs")
    @Operation(summary = "Record a need the client stated (the wish list), or replace the one with its needId",
            description = "A need is open from statedOn until closedOn; closing it (closedOn and outcome MET or DROPPED) is "
                    + "recorded the same way, with the same needId. The decisions of a date see the needs open on it: openNeeds, "
                    + "oldestOpenNeedDays, openNeedCategories.")
    @Status(HttpStatus.CREATED)
    ClientNeed need(@PathVariable String clientId, @Body @Valid ClientNeed need) {
        return needs.record(clientId, need);
    }

    @Secured({Roles.CRM, Roles.ANALYST, Roles.AUDITOR})
    @Get("/{clientId}/needs")
    @Operation(summary = "A client's stated needs, newest first, open and closed")
    List<ClientNeed> needs(@PathVariable String clientId) {
        return needs.of(clientId);
    }

    @Put("/{clientId}/referral")
    @Operation(summary = "Record who referred this client (word of mouth), replacing an earlier record",
            description = "From the date given, the referred client's facts carry referredBy, and the referrer's "
                    + "referralsMade12m and daysSinceLastReferral count it: the tables thank and recognise the referrer.")
    Referral referral(@PathVariable String clientId, @Body @Valid Referral referral) {
        return referrals.record(clientId, referral);
    }

    @Secured({Roles.CRM, Roles.ANALYST, Roles.AUDITOR})
    @Get("/{clientId}/referral")
    @Operation(summary = "Who referred this client (404 when nobody is recorded)")
    Referral referredBy(@PathVariable String clientId) {
        return referrals.of(clientId).orElseThrow(() -> new NoReferral(clientId));
    }

    /** No referral recorded for the client: 404. */
    static final class NoReferral extends org.zalando.problem.AbstractThrowableProblem {
        NoReferral(String clientId) {
            super(com.clientvalue.common.Problems.type("no-referral"), "No referral", org.zalando.problem.Status.NOT_FOUND,
                    "no referral is recorded for client '" + clientId + "'", null, null, java.util.Map.of("clientId", clientId));
        }
    }

    /** Why a client left us; null or blank clears it. */
    @Serdeable
    record LossReason(@Nullable @Size(max = 200) String reason) {
    }

    @Put("/{clientId}/loss-reason")
    @Operation(summary = "Record why a client was lost (null clears it)")
    @Status(HttpStatus.NO_CONTENT)
    void lossReason(@PathVariable String clientId, @Body @Valid LossReason body) {
        lossReasons.set(clientId, body.reason());
    }

    @Secured({Roles.CRM, Roles.ANALYST, Roles.AUDITOR})
    @Get("/{clientId}")
    @Operation(summary = "A client with its derived facts as of a date",
            description = "asOf defaults to today (UTC). revenue12m = sum of order totals with asOf - order_date < 365 days "
                    + "and order_date <= asOf, credit notes included; orders12m = orders in that window with a positive total; "
                    + "first/lastOrderDate = min/max date of orders with a positive total up to asOf; abcClass = Pareto class of "
                    + "revenue12m in the whole portfolio (A while the share of revenue ranked before the client is < 80%, B < 95%, "
                    + "else C; revenue12m <= 0 is C); daysSinceFirstOrder; medianOrderIntervalDays = median of the days between "
                    + "consecutive distinct positive order dates (null below 3 dates); silenceRatio = daysSinceLastOrder / median; "
                    + "latest survey scores; complaints90d = complaints dated within 90 days up to asOf; daysSinceAssessment = days "
                    + "since the latest risk / opportunity assessment up to asOf; margin12m = sum of the imported margins of the "
                    + "window's orders (null without any), marginPercent = margin12m / revenue12m in %, marginClass = Pareto class "
                    + "of margin12m among the clients with a margin; openNeeds, oldestOpenNeedDays, openNeedCategories = the needs "
                    + "stated up to asOf and not closed by then.")
    ClientFacts client(@PathVariable String clientId, @Nullable @QueryValue @BusinessDate LocalDate asOf) {
        return facts.load(clientId, asOf != null ? asOf : LocalDate.now(clock));
    }
}
