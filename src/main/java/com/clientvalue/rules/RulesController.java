package com.clientvalue.rules;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Controller("/api/rules")
@Tag(name = "Rules")
class RulesController {
    private final ActiveRuleBase active;

    RulesController(ActiveRuleBase active) {
        this.active = active;
    }

    /** The rule version in force: its hash, its files and every rule with id, name, file and row. */
    @Serdeable
    record RuleSetView(String version, Instant loadedAt, List<RuleFileSummary> files, List<RuleDescriptor> rules,
                       List<ActionDefinition> actions, List<ServiceDefinition> services) {
    }

    @Get
    @Operation(summary = "The active rule version, its rules and its vocabulary of action and service codes",
            description = "version is the SHA-256 over every rule file's path and content SHA-256; any edit gives a new version.")
    RuleSetView current() {
        RuleBase ruleBase = active.current();
        return new RuleSetView(ruleBase.version(), ruleBase.loadedAt(), ruleBase.files(), ruleBase.rules(),
                ruleBase.vocabulary().actions(), ruleBase.vocabulary().services());
    }
}
