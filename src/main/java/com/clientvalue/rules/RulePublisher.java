package com.clientvalue.rules;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates, publishes and activates rule sets. A candidate that does not compile or fails a check
 * is never stored nor activated: the previous version keeps serving.
 */
@Singleton
public class RulePublisher {
    private final ActiveRuleBase active;
    private final RuleVersions versions;

    RulePublisher(ActiveRuleBase active, RuleVersions versions) {
        this.active = active;
        this.versions = versions;
    }

    /** The outcome of validating a candidate: its version when it compiles, and every problem found. */
    @Serdeable
    public record ValidationReport(boolean valid, @Nullable String version, int rules, List<RuleProblem> problems) {
    }

    public ValidationReport validate(List<RuleSource> sources) {
        try {
            RuleBase candidate = ActiveRuleBase.compile(sources);
            List<RuleProblem> problems = new ArrayList<>(active.check(candidate));
            return new ValidationReport(problems.isEmpty(), candidate.version(), candidate.rules().size(), problems);
        } catch (RuleSetInvalid invalid) {
            return new ValidationReport(false, null, 0, invalid.problems());
        }
    }

    /** Compiles, checks, stores and activates; returns the new active version. */
    public RuleVersions.VersionInfo publish(List<RuleSource> sources, String who, @Nullable String comment) {
        RuleBase candidate = compiled(sources);
        List<RuleProblem> problems = active.check(candidate);
        if (!problems.isEmpty()) {
            throw new RulesRejected(problems);
        }
        versions.storeAndActivate(candidate, who, comment, RuleVersions.Reason.PUBLISH);
        active.switchTo(candidate);
        return versions.find(candidate.version()).orElseThrow();
    }

    /** Makes a stored version active again (a rollback, or a roll forward). */
    public RuleVersions.VersionInfo activate(String version, String who) {
        RuleBase target = active.compiled(version);
        versions.activate(version, who, RuleVersions.Reason.ROLLBACK);
        active.switchTo(target);
        return versions.find(version).orElseThrow();
    }

    /** A candidate compiled, or RulesRejected with every problem: for impact previews and shadows. */
    public RuleBase compiled(List<RuleSource> sources) {
        try {
            return ActiveRuleBase.compile(sources);
        } catch (RuleSetInvalid invalid) {
            throw new RulesRejected(invalid.problems());
        }
    }
}
