package com.clientvalue.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule version in force, shared through MariaDB by every instance. At startup the rules
 * folder is compiled (a folder that does not compile stops the start, every problem listed); it
 * seeds the first version, and a folder content never seen before is published. Afterwards the
 * newest activation in the database decides; each instance follows it within a poll interval.
 * Switching is one atomic reference change: evaluations already running finish on their version.
 */
@Context
public class ActiveRuleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveRuleBase.class);
    private static final int COMPILED_VERSIONS_KEPT = 4;

    private final Path folder;
    private final RuleVersions versions;
    private final List<RuleSetCheck> checks;
    private final AtomicReference<RuleBase> current = new AtomicReference<>();
    private final Map<String, RuleBase> compiled = new LinkedHashMap<>(8, 0.75f, true);

    private final TransactionOperations<?> transactions;

    ActiveRuleBase(RulesConfig config, RuleVersions versions, List<RuleSetCheck> checks, TransactionOperations<?> transactions) {
        this.folder = Path.of(config.dir()).toAbsolutePath().normalize();
        this.versions = versions;
        this.transactions = transactions;
        this.checks = List.copyOf(checks);
        long started = System.nanoTime();
        RuleBase fromFolder = compile(RuleFolder.readRuleSet(folder));
        current.set(startingVersion(fromFolder, config.publishOnStart()));
        LOG.info("Rules version {} active ({} rules in {} files; folder {} is version {}; {} ms)", current().version(),
                current().rules().size(), current().files().size(), folder, fromFolder.version(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private RuleBase startingVersion(RuleBase fromFolder, boolean publishOnStart) {
        Optional<String> active = versions.activeVersion();
        if (active.isEmpty() || (publishOnStart && !versions.exists(fromFolder.version()))) {
            String basis = checkBasis();
            List<RuleProblem> problems = check(fromFolder);
            if (problems.isEmpty()) {
                versions.storeAndActivate(fromFolder, "startup", "the rules folder at startup",
                        active.isEmpty() ? RuleVersions.Reason.SEED : RuleVersions.Reason.STARTUP, checksPassed(basis, false));
                return remember(fromFolder);
            }
            if (active.isEmpty()) {
                throw new RuleSetInvalid(problems);
            }
            LOG.error("The rules folder was not published, version {} stays active:\n{}", active.get(),
                    new RuleSetInvalid(problems).getMessage());
        }
        return active.get().equals(fromFolder.version()) ? remember(fromFolder) : compiled(active.get());
    }

    public RuleBase current() {
        return current.get();
    }

    public Path folder() {
        return folder;
    }

    /** What the checks read besides a candidate; see {@link RuleSetCheck#basis()}. */
    String checkBasis() {
        StringBuilder basis = new StringBuilder();
        checks.stream().map(RuleSetCheck::basis).filter(b -> !b.isBlank()).forEach(b -> basis.append(b).append('\n'));
        return basis.toString();
    }

    /** The checks a version passed on this basis, in words, as versions and activations record them. */
    String checksPassed(String basis, boolean reused) {
        StringBuilder done = new StringBuilder("passed: compiled");
        checks.stream().map(RuleSetCheck::name).sorted().forEach(name -> done.append(", ").append(name));
        String on = basis.strip().replace("\n", "; ");
        if (!on.isEmpty()) {
            done.append("; on ").append(on);
        }
        if (reused) {
            done.append(" (result of an earlier check on the same basis)");
        }
        return done.length() <= 1000 ? done.toString() : done.substring(0, 1000);
    }

    /** The checks every candidate must pass besides compiling. */
    List<RuleProblem> check(RuleBase candidate) {
        return check(candidate, step -> { });
    }

    /** The same checks, telling each one's {@link RuleSetCheck#step()} as it is done. */
    List<RuleProblem> check(RuleBase candidate, java.util.function.Consumer<String> stepDone) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSetCheck check : checks) {
            problems.addAll(check.check(candidate, candidate.sources()));
            stepDone.accept(check.step());
        }
        return problems;
    }

    /** The steps of the checks, in the order {@link #check} runs them. */
    List<String> checkSteps() {
        return checks.stream().map(RuleSetCheck::step).toList();
    }

    /** A stored version, compiled; the last few are kept, so replays and rollbacks do not recompile. */
    public synchronized RuleBase compiled(String version) {
        RuleBase found = compiled.get(version);
        if (found == null) {
            List<RuleSource> files = versions.files(version);
            if (files.isEmpty()) {
                throw new RuleVersionNotFound(version);
            }
            found = remember(compile(files));
        }
        return found;
    }

    synchronized RuleBase remember(RuleBase ruleBase) {
        compiled.put(ruleBase.version(), ruleBase);
        while (compiled.size() > COMPILED_VERSIONS_KEPT) {
            compiled.remove(compiled.keySet().iterator().next());
        }
        return ruleBase;
    }

    void switchTo(RuleBase next) {
        RuleBase previous = current.getAndSet(remember(next));
        if (previous == null || !previous.version().equals(next.version())) {
            LOG.info("Rules version {} now active (was {})", next.version(), previous == null ? "none" : previous.version());
        }
    }

    /**
     * Switches once the activation that makes {@code next} active is committed: switching earlier
     * let the poller, which reads the committed activation, switch back to the old version for a
     * moment, and a publication that then failed to commit would have left this instance on rules
     * nobody activated. Outside a transaction, switches at once.
     */
    void switchAfterCommit(RuleBase next) {
        remember(next);
        java.util.Optional<? extends io.micronaut.transaction.TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isEmpty()) {
            switchTo(next);
            return;
        }
        status.get().registerSynchronization(new io.micronaut.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCommit() {
                switchTo(next);
            }
        });
    }

    /** Follows the version other instances (or this one) activated in the database. */
    @Scheduled(fixedDelay = "${rules.poll-interval:2s}", initialDelay = "${rules.poll-interval:2s}")
    void followDatabase() {
        try {
            versions.activeVersion().filter(v -> !v.equals(current().version())).ifPresent(v -> switchTo(compiled(v)));
        } catch (RuntimeException e) {
            LOG.warn("Could not check the active rules version, keeping {}: {}", current().version(), e.getMessage());
        }
    }

    /** Compiles candidate files without activating them: what validation and tests use. */
    public static RuleBase compile(List<RuleSource> sources) {
        return RuleSetCompiler.compile(sources);
    }

    /**
     * The version the service gives these files: the policy invariants are not part of it (the
     * service keeps them apart), so a folder validated here and published there has one version.
     */
    public static String serviceVersion(List<RuleSource> sources) {
        return RuleSetCompiler.version(sources.stream().filter(s -> s.kind() != RuleSource.Kind.INVARIANTS).toList());
    }

    /** Reads and compiles a rules folder through the same loader as the service. */
    public static RuleBase compileFolder(Path folder) {
        return RuleSetCompiler.compile(RuleFolder.read(folder));
    }
}
