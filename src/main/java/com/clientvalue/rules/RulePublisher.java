package com.clientvalue.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates, publishes and activates rule sets. A candidate that does not compile or fails a check
 * is never stored nor activated: the previous version keeps serving. A candidate validated without
 * a problem is remembered with what its checks read (the portfolio's revision, the date): published
 * unchanged on that same basis, it is not compiled and checked again, so that only storing and
 * switching remain.
 */
@Singleton
public class RulePublisher {
    static final int PASSED_KEPT = 4;
    private final ActiveRuleBase active;
    private final RuleVersions versions;
    private final Map<String, RuleBase> passed = new LinkedHashMap<>();
    private final Counter checksRun;
    private final Counter checksReused;

    RulePublisher(ActiveRuleBase active, RuleVersions versions, MeterRegistry meters) {
        this.active = active;
        this.versions = versions;
        this.checksRun = meters.counter("rules.publications", "checks", "run");
        this.checksReused = meters.counter("rules.publications", "checks", "reused-from-validation");
    }

    /** The outcome of validating a candidate: its version when it compiles, and every problem found. */
    @Serdeable
    public record ValidationReport(boolean valid, @Nullable String version, int rules, List<RuleProblem> problems) {
    }

    public ValidationReport validate(List<RuleSource> sources) {
        try {
            String basis = active.checkBasis();
            RuleBase candidate = ActiveRuleBase.compile(sources);
            List<RuleProblem> problems = new ArrayList<>(active.check(candidate));
            if (problems.isEmpty()) {
                rememberPassed(candidate, basis);
            }
            return new ValidationReport(problems.isEmpty(), candidate.version(), candidate.rules().size(), problems);
        } catch (RuleSetInvalid invalid) {
            return new ValidationReport(false, null, 0, invalid.problems());
        }
    }

    /** Compiles, checks, stores and activates; returns the new active version. */
    public RuleVersions.VersionInfo publish(List<RuleSource> sources, String who, @Nullable String comment) {
        String basis = active.checkBasis();
        RuleBase candidate = passed(RuleSetCompiler.version(sources), basis);
        if (candidate == null) {
            candidate = compiled(sources);
            List<RuleProblem> problems = active.check(candidate);
            if (!problems.isEmpty()) {
                throw new RulesRejected(problems);
            }
            checksRun.increment();
        } else {
            checksReused.increment();
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

    private synchronized void rememberPassed(RuleBase candidate, String basis) {
        passed.remove(candidate.version() + '\n' + basis);
        passed.put(candidate.version() + '\n' + basis, candidate);
        while (passed.size() > PASSED_KEPT) {
            passed.remove(passed.keySet().iterator().next());
        }
    }

    /** The candidate of this version if it passed every check on this basis, else null. */
    private synchronized RuleBase passed(String version, String basis) {
        return passed.get(version + '\n' + basis);
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
