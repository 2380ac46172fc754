package com.clientvalue.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates, publishes and activates rule sets. No path makes a version active unless it passed
 * every check (compile, scenarios, invariants...) on what the checks read at that moment: a
 * publication checks the candidate, and activating a stored version (rollback, roll forward) checks
 * it again, so a version that was fine last month but breaks today's invariants or portfolio stays
 * inactive. A candidate validated without a problem is remembered with what its checks read (the
 * portfolio's revision, the date, the invariants' revision): published or activated on that same
 * basis, it is not compiled and checked again, so that only storing and switching remain.
 */
@Singleton
public class RulePublisher {
    static final int PASSED_KEPT = 4;
    /** The first step of a validation: the candidate compiled. */
    public static final String COMPILE_STEP = "compile";
    private final ActiveRuleBase active;
    private final RuleVersions versions;
    private final ApplicationEventPublisher<RulesActivated> events;
    private final Map<String, RuleBase> passed = new LinkedHashMap<>();
    private final Counter checksRun;
    private final Counter checksReused;

    RulePublisher(ActiveRuleBase active, RuleVersions versions, ApplicationEventPublisher<RulesActivated> events,
                  MeterRegistry meters) {
        this.active = active;
        this.versions = versions;
        this.events = events;
        this.checksRun = meters.counter("rules.publications", "checks", "run");
        this.checksReused = meters.counter("rules.publications", "checks", "reused-from-validation");
    }

    /** The outcome of validating a candidate: its version when it compiles, and every problem found. */
    @Serdeable
    public record ValidationReport(boolean valid, @Nullable String version, int rules, List<RuleProblem> problems) {
    }

    /** A candidate that passed every check, and the record of those checks. */
    public record Checked(RuleBase ruleBase, String checks) {
    }

    public ValidationReport validate(List<RuleSource> sources) {
        return validate(sources, step -> { });
    }

    /** The steps a validation runs, in order: {@value #COMPILE_STEP}, then each check's {@link RuleSetCheck#step()}. */
    public List<String> validationSteps() {
        List<String> steps = new ArrayList<>(List.of(COMPILE_STEP));
        steps.addAll(active.checkSteps());
        return steps;
    }

    /**
     * Validates as {@link #validate(List)} does, telling each step of {@link #validationSteps()} as
     * it is done; a candidate that does not compile runs no other step.
     */
    public ValidationReport validate(List<RuleSource> sources, java.util.function.Consumer<String> stepDone) {
        try {
            String basis = active.checkBasis();
            RuleBase candidate = ActiveRuleBase.compile(sources);
            stepDone.accept(COMPILE_STEP);
            List<RuleProblem> problems = new ArrayList<>(active.check(candidate, stepDone));
            if (problems.isEmpty()) {
                rememberPassed(candidate, basis);
            }
            return new ValidationReport(problems.isEmpty(), candidate.version(), candidate.rules().size(), problems);
        } catch (RuleSetInvalid invalid) {
            return new ValidationReport(false, null, 0, invalid.problems());
        }
    }

    /**
     * A candidate compiled and checked (or the result of its validation on the same basis reused);
     * RulesRejected with every problem otherwise. What publications and shadows start from.
     */
    public Checked checked(List<RuleSource> sources, String consequence) {
        String basis = active.checkBasis();
        RuleBase candidate = passed(RuleSetCompiler.version(sources), basis);
        if (candidate != null) {
            checksReused.increment();
            return new Checked(candidate, active.checksPassed(basis, true));
        }
        try {
            candidate = ActiveRuleBase.compile(sources);
        } catch (RuleSetInvalid invalid) {
            throw new RulesRejected(invalid.problems(), consequence);
        }
        List<RuleProblem> problems = active.check(candidate);
        if (!problems.isEmpty()) {
            throw new RulesRejected(problems, consequence);
        }
        checksRun.increment();
        rememberPassed(candidate, basis);
        return new Checked(candidate, active.checksPassed(basis, false));
    }

    /**
     * Compiles, checks, stores and activates; returns the new active version. A candidate whose
     * files were published before is activated again under its first publication (author and
     * comment of a version never change); this publication's author and comment go with the activation.
     */
    public RuleVersions.VersionInfo publish(List<RuleSource> sources, String who, @Nullable String comment) {
        Checked checked = checked(sources, "the active version is unchanged");
        String from = active.current().version();
        RuleBase candidate = checked.ruleBase();
        if (!from.equals(candidate.version())) {
            versions.storeAndActivate(candidate, who, comment, RuleVersions.Reason.PUBLISH, checked.checks());
            active.switchAfterCommit(candidate);
            events.publishEvent(new RulesActivated(from, candidate.version(), RuleVersions.Reason.PUBLISH, who));
        }
        return versions.find(candidate.version()).orElseThrow();
    }

    /**
     * Makes a stored version active again: a rollback when it was published before the active one,
     * a roll forward otherwise. Checked again on today's basis (or the still-valid result of a check
     * on the same basis reused); refused with every problem when it fails. Activating the active
     * version changes nothing.
     */
    public RuleVersions.VersionInfo activate(String version, String who, @Nullable String comment) {
        RuleVersions.VersionInfo target = versions.find(version).orElseThrow(() -> new RuleVersionNotFound(version));
        String from = active.current().version();
        if (from.equals(version)) {
            return target;
        }
        String basis = active.checkBasis();
        RuleBase ruleBase = passed(version, basis);
        String checks;
        if (ruleBase != null) {
            checksReused.increment();
            checks = active.checksPassed(basis, true);
        } else {
            ruleBase = active.compiled(version);
            List<RuleProblem> problems = active.check(ruleBase);
            if (!problems.isEmpty()) {
                throw new RulesRejected(problems, "version " + version + " fails today's checks and was not activated; "
                        + "the active version is unchanged");
            }
            checksRun.increment();
            rememberPassed(ruleBase, basis);
            checks = active.checksPassed(basis, false);
        }
        RuleVersions.Reason reason = versions.find(from).filter(current -> current.seq() < target.seq()).isPresent()
                ? RuleVersions.Reason.ROLL_FORWARD : RuleVersions.Reason.ROLLBACK;
        versions.activate(version, who, reason, comment, checks);
        active.switchAfterCommit(ruleBase);
        events.publishEvent(new RulesActivated(from, version, reason, who));
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

    /** A candidate compiled, or RulesRejected with every problem: for impact previews. */
    public RuleBase compiled(List<RuleSource> sources) {
        try {
            return ActiveRuleBase.compile(sources);
        } catch (RuleSetInvalid invalid) {
            throw new RulesRejected(invalid.problems());
        }
    }
}
