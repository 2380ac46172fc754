package com.clientvalue.rules;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule version in force. Built from the rules folder when the service starts (a folder that
 * does not compile stops the start with every problem listed); swapped in one atomic step.
 */
@Context
public class ActiveRuleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveRuleBase.class);
    private final Path folder;
    private final AtomicReference<RuleBase> current = new AtomicReference<>();

    ActiveRuleBase(RulesConfig config) {
        this.folder = Path.of(config.dir()).toAbsolutePath().normalize();
        long started = System.nanoTime();
        RuleBase loaded = compile(RuleFolder.read(folder));
        current.set(loaded);
        LOG.info("Rules version {} loaded from {}: {} rules in {} files ({} ms)", loaded.version(), folder,
                loaded.rules().size(), loaded.files().size(), (System.nanoTime() - started) / 1_000_000);
    }

    public RuleBase current() {
        return current.get();
    }

    public Path folder() {
        return folder;
    }

    /** Compiles candidate files without activating them: what validation and tests use. */
    public static RuleBase compile(List<RuleSource> sources) {
        return RuleSetCompiler.compile(sources);
    }

    /** Reads and compiles a rules folder through the same loader as the service. */
    public static RuleBase compileFolder(Path folder) {
        return RuleSetCompiler.compile(RuleFolder.read(folder));
    }
}
