package com.clientvalue.rules;

import com.clientvalue.audit.AdminLog;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

@Controller("/api/rules")
@Tag(name = "Rules")
@ExecuteOn(TaskExecutors.BLOCKING)
class RulesController {
    static final String ZIP = "application/zip";
    private final ActiveRuleBase active;
    private final RulePublisher publisher;
    private final RuleVersions versions;
    private final AdminLog log;

    RulesController(ActiveRuleBase active, RulePublisher publisher, RuleVersions versions, AdminLog log) {
        this.log = log;
        this.active = active;
        this.publisher = publisher;
        this.versions = versions;
    }

    /** The rule version in force: its hash, its files and every rule with id, name, file and row. */
    @Serdeable
    record RuleSetView(String version, Instant loadedAt, List<RuleFileSummary> files, List<RuleDescriptor> rules,
                       List<ActionDefinition> actions, List<ServiceDefinition> services) {
    }

    /** A stored version with its files and what changed since the version published before it. */
    @Serdeable
    record VersionDetail(RuleVersions.VersionInfo info, List<RuleFileSummary> files, @Nullable String previousVersion,
                         String diff) {
    }

    @Secured({Roles.CRM, Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN})
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

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN})
    @Get("/versions")
    @Operation(summary = "Stored rule versions, newest first, with the active one marked")
    List<RuleVersions.VersionInfo> versions() {
        return versions.list();
    }

    @Secured({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN})
    @Get("/versions/{version}")
    @Operation(summary = "One stored version: who, when, comment, files and a unified diff against the previous version")
    VersionDetail version(@PathVariable @Size(max = 64) String version) {
        RuleVersions.VersionInfo info = versions.find(version).orElseThrow(() -> new RuleVersionNotFound(version));
        List<RuleSource> files = versions.files(version);
        RuleVersions.VersionInfo previous = versions.previous(info).orElse(null);
        return new VersionDetail(info, files.stream().map(f -> new RuleFileSummary(f.path(), RuleSetCompiler.sha256(f.content()),
                (int) active.compiled(version).rules().stream().filter(r -> r.file().equals(f.path())).count())).toList(),
                previous == null ? null : previous.version(),
                RuleVersionDiff.between(previous == null ? List.of() : versions.files(previous.version()), files));
    }

    @Secured(Roles.ANALYST)
    @Transactional
    @Post(value = "/versions", consumes = ZIP)
    @Operation(summary = "Publish a candidate rule set (a zip of the rules folder) and activate it",
            description = "The candidate must compile and pass every check (test scenarios...); otherwise 422 with every "
                    + "problem and the active version is unchanged. Evaluations already running finish on the old version.")
    HttpResponse<RuleVersions.VersionInfo> publish(@Body InputStream zip,
                                                   @Nullable @QueryValue @Size(max = 1000) String comment,
                                                   Authentication caller) {
        RuleVersions.VersionInfo published = publisher.publish(RuleArchive.read(zip), caller.getName(), comment);
        log.record(caller.getName(), "RULES_PUBLISHED", published.version(), comment);
        return HttpResponse.created(published);
    }

    @Secured(Roles.ADMIN)
    @Transactional
    @Post("/versions/{version}/activate")
    @Operation(summary = "Make a stored version active again (rollback)")
    RuleVersions.VersionInfo activate(@PathVariable @Size(max = 64) String version, Authentication caller) {
        RuleVersions.VersionInfo activated = publisher.activate(version, caller.getName());
        log.record(caller.getName(), "RULES_ACTIVATED", activated.version(), "rollback");
        return activated;
    }
}
