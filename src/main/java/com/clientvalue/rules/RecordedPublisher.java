package com.clientvalue.rules;

import com.clientvalue.audit.AdminLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Publication and activation as people ask for them, through the API or the console: the same
 * {@link RulePublisher} use case, and the admin log written the same way whoever asks (a refusal
 * recorded apart, so that it stays when the transaction rolls back). The publication and its record
 * are one transaction.
 */
@Singleton
public class RecordedPublisher {
    private final ActiveRuleBase active;
    private final RulePublisher publisher;
    private final RuleVersions versions;
    private final AdminLog log;

    RecordedPublisher(ActiveRuleBase active, RulePublisher publisher, RuleVersions versions, AdminLog log) {
        this.active = active;
        this.publisher = publisher;
        this.versions = versions;
        this.log = log;
    }

    /** Publishes and activates a candidate; RulesRejected with every problem otherwise, recorded either way. */
    @Transactional
    public RuleVersions.VersionInfo publish(java.util.List<RuleSource> sources, String who, @Nullable String comment) {
        String from = active.current().version();
        RuleVersions.VersionInfo published;
        try {
            published = publisher.publish(sources, who, comment);
        } catch (RulesRejected refused) {
            log.recordApart(who, "RULES_REFUSED", null, refusal(refused, comment));
            throw refused;
        }
        log.record(who, "RULES_PUBLISHED", published.version(), (from.equals(published.version())
                ? "already the active version: nothing changed" : "published over " + from)
                + (comment == null ? "" : " with comment '" + comment + "'") + "; " + published.checks());
        return published;
    }

    /** Makes a stored version active again after checking it on today's basis; recorded either way. */
    @Transactional
    public RuleVersions.VersionInfo activate(String version, String who, @Nullable String comment) {
        String from = active.current().version();
        RuleVersions.VersionInfo activated;
        try {
            activated = publisher.activate(version, who, comment);
        } catch (RulesRejected refused) {
            log.recordApart(who, "RULES_ACTIVATION_REFUSED", version, refusal(refused, comment));
            throw refused;
        }
        if (!from.equals(activated.version())) {
            RuleVersions.Activation event = versions.activations(null, 1).get(0);
            log.record(who, "RULES_ACTIVATED", activated.version(), event.reason().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " from " + from + (comment == null ? "" : " with comment '" + comment + "'"));
        }
        return activated;
    }

    private static String refusal(RulesRejected refused, @Nullable String comment) {
        return refused.getDetail() + (comment == null ? "" : " (comment '" + comment + "')");
    }
}
