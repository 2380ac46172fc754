package com.clientvalue.rules;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Development mode (rules.watch=true, on under mn:run): republishes the rules folder whenever its
 * content changes. A folder that fails validation is reported in the log and not activated.
 */
// created with the context, so that the folder as it was at startup is the baseline
@Context
@Requires(property = "rules.watch", value = "true")
class RulesFolderWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RulesFolderWatcher.class);
    private final ActiveRuleBase active;
    private final RulePublisher publisher;
    private String lastSeen;

    RulesFolderWatcher(ActiveRuleBase active, RulePublisher publisher) {
        this.active = active;
        this.publisher = publisher;
        this.lastSeen = RuleSetCompiler.version(RuleFolder.readRuleSet(active.folder()));
    }

    @Scheduled(fixedDelay = "${rules.poll-interval:2s}", initialDelay = "${rules.poll-interval:2s}")
    synchronized void republishOnSave() {
        List<RuleSource> sources = RuleFolder.readRuleSet(active.folder());
        String version = RuleSetCompiler.version(sources);
        if (version.equals(lastSeen)) {
            return;
        }
        lastSeen = version;
        try {
            RuleVersions.VersionInfo published = publisher.publish(sources, "watch", "rules folder changed");
            LOG.info("Rules folder changed: version {} published and active", published.version());
        } catch (RulesRejected rejected) {
            LOG.error("Rules folder changed but was not published: {} (GET /api/rules shows the active version)",
                    rejected.getDetail());
        }
    }
}
