package com.clientvalue.rules;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One compiled version of the rules folder: immutable, identified by the hash of the files'
 * contents. An evaluation uses one RuleBase from start to end.
 */
public final class RuleBase {
    private final String version;
    private final Instant loadedAt;
    private final List<RuleFileSummary> files;
    private final List<RuleDescriptor> rules;
    private final Map<String, RuleDescriptor> byQualifiedName;
    private final Vocabulary vocabulary;
    private final List<RuleSource> sources;
    private final String drl;
    private final KieContainer container;
    private final KieBase kieBase;
    /** Each compiled rule's descriptor by identity, filled once here and only read after. */
    private final Map<Rule, RuleDescriptor> compiled;
    private final SessionReuse sessionReuse;
    private final Map<String, ReasonTemplate> reasons;

    RuleBase(String version, Instant loadedAt, List<RuleFileSummary> files, List<RuleDescriptor> rules,
             Map<String, RuleDescriptor> byQualifiedName, Vocabulary vocabulary, List<RuleSource> sources, String drl,
             KieContainer container, Map<String, ReasonTemplate> reasons) {
        this.reasons = Map.copyOf(reasons);
        this.version = version;
        this.loadedAt = loadedAt;
        this.files = List.copyOf(files);
        this.rules = List.copyOf(rules);
        this.byQualifiedName = Map.copyOf(byQualifiedName);
        this.vocabulary = vocabulary;
        this.sources = List.copyOf(sources);
        this.drl = drl;
        this.container = container;
        this.kieBase = container.getKieBase();
        Map<Rule, RuleDescriptor> compiled = new java.util.IdentityHashMap<>();
        for (org.kie.api.definition.KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleDescriptor descriptor = this.byQualifiedName.get(qualifiedName(rule.getPackageName(), rule.getName()));
                if (descriptor != null) {
                    compiled.put(rule, descriptor);
                }
            }
        }
        this.compiled = java.util.Collections.unmodifiableMap(compiled);
        this.sessionReuse = SessionReuse.check(kieBase);
    }

    /** The analysts' sentence explaining a rule, when its row (or DRL rule) has one. */
    public java.util.Optional<ReasonTemplate> reason(String ruleId) {
        return java.util.Optional.ofNullable(reasons.get(ruleId));
    }

    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public List<RuleFileSummary> files() {
        return files;
    }

    public List<RuleDescriptor> rules() {
        return rules;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Every file of this version, exactly as it was compiled: tables, DRL, vocabulary and scenarios. */
    public List<RuleSource> sources() {
        return sources;
    }

    /** The DRL of every rule, tables translated: what boundary checks read thresholds from. */
    public String drl() {
        return drl;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Whether evaluations may reuse an emptied session of this version, decided when it was compiled. */
    public SessionReuse sessionReuse() {
        return sessionReuse;
    }

    /** The analyst's view of a compiled rule: id, sentence, file and row. */
    public RuleDescriptor describe(Rule rule) {
        // called for every firing and inserted fact: the kie base's own rule objects, by identity
        RuleDescriptor known = compiled.get(rule);
        if (known != null) {
            return known;
        }
        RuleDescriptor byName = byQualifiedName.get(qualifiedName(rule.getPackageName(), rule.getName()));
        if (byName == null) {
            throw new IllegalStateException("rule " + rule.getName() + " is not part of rule version " + version);
        }
        return byName;
    }

    static String qualifiedName(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
