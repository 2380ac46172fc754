package com.clientvalue.rules;

import com.clientvalue.common.StandardProblems;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

@StandardProblems
@Controller("/api/rules")
@Tag(name = "Rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class RulesController {
    static final String ZIP = "application/zip";
    private final ActiveRuleBase active;
    private final RulePublisher publisher;
    private final RuleVersions versions;
    private final RecordedPublisher recorded;

    RulesController(ActiveRuleBase active, RulePublisher publisher, RuleVersions versions, RecordedPublisher recorded) {
        this.recorded = recorded;
        this.active = active;
        this.publisher = publisher;
        this.versions = versions;
    }

    /** The rule version in force: its hash, its files and every rule with id, name, file and row. */
    @Serdeable
    record RuleSetView(String version, Instant loadedAt, List<RuleFileSummary> files, List<RuleDescriptor> rules,
                       List<ActionDefinition> actions, List<ServiceDefinition> services) {
    }

    /**
     * A stored version with its files and what it changed: the diff against the version that was
     * active when it was published (previousVersion; null for the first version).
     */
    @Serdeable
    record VersionDetail(RuleVersions.VersionInfo info, List<RuleFileSummary> files, @Nullable String previousVersion,
                         String diff) {
    }

    @Secured({Roles.CRM, Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get
    @Operation(summary = "The active rule version, its rules and its vocabulary of action and service codes",
            description = "version is the SHA-256 over every rule file's path and content SHA-256; any edit gives a new version.")
    RuleSetView current() {
        RuleBase ruleBase = active.current();
        return new RuleSetView(ruleBase.version(), ruleBase.loadedAt(), ruleBase.files(), ruleBase.rules(),
                ruleBase.vocabulary().actions(), ruleBase.vocabulary().services());
    }

    @Secured(Roles.ANALYST)
    @Post(value = "/validate", consumes = ZIP)
    @Operation(summary = "Validate a candidate rule set (a zip of the rules folder) without publishing it",
            description = "Compiles the tables and DRL, checks headers, rule ids, vocabulary and the analysts' test "
                    + "scenarios. 200 when valid; 422 problem+json otherwise, whose problems name file, table, row and column.")
    RulePublisher.ValidationReport validate(@Body InputStream zip) {
        RulePublisher.ValidationReport report = publisher.validate(RuleArchive.read(zip));
        if (!report.valid()) {
            throw new RulesRejected(report.problems(), "nothing was published");
        }
        return report;
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get("/versions")
    @Operation(summary = "Published rule versions, newest publication first, with the active one marked",
            description = "Append-only: who published each, when, with which comment, the checks it passed and the version "
                    + "active then. Shadow candidates are not published versions and are not listed (GET /api/rules/shadow/runs).")
    List<RuleVersions.VersionInfo> versions() {
        return versions.list();
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get("/versions/{version}")
    @Operation(summary = "One published version: who, when, comment, checks, files and a unified diff against the version "
            + "that was active when it was published")
    VersionDetail version(@PathVariable @Size(max = 64) String version) {
        RuleVersions.VersionInfo info = versions.find(version).orElseThrow(() -> new RuleVersionNotFound(version));
        List<RuleSource> files = versions.files(version);
        String previous = info.publishedOver();
        return new VersionDetail(info, files.stream().map(f -> new RuleFileSummary(f.path(), RuleSetCompiler.sha256(f.content()),
                (int) active.compiled(version).rules().stream().filter(r -> r.file().equals(f.path())).count())).toList(),
                previous, RuleVersionDiff.between(previous == null ? List.of() : versions.files(previous), files));
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE})
    @Get("/activations")
    @Operation(summary = "Every activation, newest first: who, when, from which version to which, why (SEED, STARTUP, PUBLISH, "
            + "ROLLBACK, ROLL_FORWARD, WATCH), comment and the checks it passed",
            description = "Page back with beforeId = the smallest id of the previous page.")
    List<RuleVersions.Activation> activations(@Nullable @QueryValue Long beforeId,
                                              @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return versions.activations(beforeId, limit);
    }

    @Secured(Roles.ANALYST)
    @Transactional
    @Post(value = "/versions", consumes = ZIP)
    @Operation(summary = "Publish a candidate rule set (a zip of the rules folder) and activate it",
            description = "The candidate must compile and pass every check (test scenarios...); otherwise 422 with every "
                    + "problem and the active version is unchanged. Evaluations already running finish on the old version.")
    @ApiResponse(responseCode = "201", description = "Published and active: the new version", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "Refused: every problem of the candidate, nothing changed",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = com.clientvalue.common.ProblemDetails.class)))
    HttpResponse<RuleVersions.VersionInfo> publish(@Body InputStream zip,
                                                   @Nullable @QueryValue @Size(max = 1000) String comment,
                                                   Authentication caller) {
        return HttpResponse.created(recorded.publish(RuleArchive.read(zip), caller.getName(), comment));
    }

    @Secured(Roles.ADMIN)
    @Transactional
    @Post("/versions/{version}/activate")
    @Operation(summary = "Make a published version active again (rollback, or roll forward)",
            description = "The version is checked again first (compile, scenarios, the stored invariants, the stored portfolio "
                    + "as of today), or the still-valid result of a check on the same basis is reused; 422 with every problem "
                    + "otherwise, and the active version is unchanged. A shadow candidate is not a published version: 404.")
    RuleVersions.VersionInfo activate(@PathVariable @Size(max = 64) String version,
                                      @Nullable @QueryValue @Size(max = 1000) String comment, Authentication caller) {
        return recorded.activate(version, caller.getName(), comment);
    }
}
