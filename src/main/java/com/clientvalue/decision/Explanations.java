package com.clientvalue.decision;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.rules.ReasonTemplate;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleDescriptor;
import io.micronaut.core.annotation.Nullable;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A decision explained in the analysts' words: each fired rule's reason sentence with the client's
 * values filled in, ordered by what it decided (cluster, lifecycle, experience, assessment, actions,
 * categories, service answer) and then as the rules are written, never in firing order. What a rule
 * is about follows from the folder of its file (clusters/, lifecycle/, experience/, assessment/,
 * policies/ and budget/ for actions, portfolio/ for categories) and, for a file whose name begins
 * with "service", the service answer.
 */
public final class Explanations {
    /** The languages a reason may be written in; the first is the default. */
    public static final List<String> LANGUAGES = List.of("en", "it");
    private static final List<String> ORDER = List.of("cluster", "lifecycle", "experience", "assessment", "actions", "categories",
            "service", "other");
    private static final Map<String, RecordComponent> FACTS = new LinkedHashMap<>();
    /** What each rule file decides: few files, asked for every fired rule. */
    private static final Map<String, String> DIMENSION_BY_FILE = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        for (RecordComponent component : ClientFacts.class.getRecordComponents()) {
            FACTS.put(component.getName(), component);
        }
    }

    private Explanations() {
    }

    /** A fired rule with what it decided and that dimension's place in {@link #ORDER}. */
    private record Ranked(int rank, String dimension, RuleDescriptor rule) {
    }

    private static final Comparator<Ranked> BY_WHAT_IT_DECIDED = Comparator.comparingInt(Ranked::rank)
            .thenComparing(ranked -> ranked.rule().file()).thenComparingInt(ranked -> ranked.rule().row());

    /** The short explanation and the technical lines kept beside it. */
    public record Explained(List<ExplanationLine> lines, List<ExplanationLine> technical) {
    }

    public static Explained of(List<RuleDescriptor> fired, ClientFacts facts, Outcome outcome, @Nullable ServiceRequest request,
                        RuleBase ruleBase, String language) {
        List<ExplanationLine> lines = new ArrayList<>();
        List<ExplanationLine> technical = new ArrayList<>();
        ExplanationWords words = ExplanationWords.of(language);
        // each rule's dimension once, not once per comparison (it was half of the cost of explaining)
        List<Ranked> ordered = new ArrayList<>(fired.size());
        for (RuleDescriptor rule : fired) {
            String dimension = dimension(rule);
            ordered.add(new Ranked(ORDER.indexOf(dimension), dimension, rule));
        }
        ordered.sort(BY_WHAT_IT_DECIDED);
        for (Ranked ranked : ordered) {
            RuleDescriptor rule = ranked.rule();
            ReasonTemplate reason = ruleBase.reason(rule.ruleId()).orElse(null);
            String sentence = reason == null || reason.in(language) == null ? rule.name() : reason.in(language);
            Map<String, String> quoted = new LinkedHashMap<>();
            String text = ReasonTemplate.fill(sentence,
                    name -> quoted.computeIfAbsent(name, n -> words.shown(n, value(n, facts, outcome, request))));
            ExplanationLine line = new ExplanationLine(ranked.dimension(), rule.ruleId(), text, quoted, reason != null && reason.technical(),
                    null);
            (line.technical() ? technical : lines).add(line);
        }
        return new Explained(List.copyOf(lines), List.copyOf(technical));
    }

    /**
     * The explanation of a decision whose cluster, lifecycle or experience changed since the previous
     * one: the first line of each changed dimension says what it was and which of the facts it quotes
     * moved, against the previous decision's own facts (its audited document); the rules when none did.
     */
    static List<ExplanationLine> withChanges(List<ExplanationLine> lines, List<Transition> transitions, ClientFacts facts,
                                             ClientFacts previousFacts, String previousVersion, String version, String language) {
        List<ExplanationLine> changed = new ArrayList<>(lines);
        ExplanationWords words = ExplanationWords.of(language);
        for (Transition transition : transitions) {
            String dimension = transition.dimension().toLowerCase(Locale.ROOT);
            for (int i = 0; i < changed.size(); i++) {
                ExplanationLine line = changed.get(i);
                if (!line.dimension().equals(dimension)) {
                    continue;
                }
                List<String> moved = new ArrayList<>();
                for (String name : line.quoted().keySet()) {
                    if (FACTS.containsKey(name)) {
                        String before = words.shown(name, fact(name, previousFacts));
                        String now = words.shown(name, fact(name, facts));
                        if (!before.equals(now)) {
                            moved.add(words.text("change.moved", words.label(name), before, now));
                        }
                    }
                }
                String was = words.text("change.was", transition.from() == null ? words.text("change.none") : transition.from());
                String why = !moved.isEmpty() ? String.join("; ", moved)
                        : !previousVersion.equals(version) ? words.text("change.rules", shortVersion(previousVersion), shortVersion(version))
                        : words.text("change.other");
                changed.set(i, line.withChange(was + ": " + why));
                break;
            }
        }
        return List.copyOf(changed);
    }

    /** A change to a refused request that the same rules would grant: what to say, and the request changed so. */
    record Alternative(String sentence, ServiceRequest request) {
    }

    /** What a person asking could change, most likely first: pay at list price, ask for no discount, pay. */
    static List<Alternative> alternatives(ServiceRequest refused) {
        List<Alternative> alternatives = new ArrayList<>();
        boolean discounted = refused.discountPercent().signum() > 0;
        if (!refused.paid() || discounted) {
            alternatives.add(new Alternative("alternative.listPrice",
                    new ServiceRequest(refused.service(), refused.category(), true, BigDecimal.ZERO, refused.freeServicesGranted12m())));
        }
        if (discounted && !refused.paid()) {
            alternatives.add(new Alternative("alternative.noDiscount",
                    new ServiceRequest(refused.service(), refused.category(), false, BigDecimal.ZERO, refused.freeServicesGranted12m())));
        }
        return alternatives;
    }

    /** The line that says an alternative would be granted, under the rules that would grant it. */
    static ExplanationLine alternativeLine(Alternative alternative, List<String> grantingRules, String language) {
        return new ExplanationLine("service", String.join(" ", grantingRules), ExplanationWords.of(language).text(alternative.sentence()),
                Map.of(), false, null);
    }

    /** The language to answer in for an Accept-Language header: the first of en, it it accepts; en when none. */
    public static String language(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LANGUAGES.get(0);
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return tag == null ? LANGUAGES.get(0) : tag;
        } catch (IllegalArgumentException e) {
            return LANGUAGES.get(0); // a malformed header: the default, as for none
        }
    }

    static String dimension(RuleDescriptor rule) {
        return DIMENSION_BY_FILE.computeIfAbsent(rule.file(), Explanations::dimensionOf);
    }

    private static String dimensionOf(String file) {
        int slash = file.indexOf('/');
        String folder = slash < 0 ? "" : file.substring(0, slash);
        if (file.substring(file.lastIndexOf('/') + 1).startsWith("service")) {
            return "service";
        }
        return switch (folder) {
            case "clusters" -> "cluster";
            case "lifecycle" -> "lifecycle";
            case "experience" -> "experience";
            case "assessment" -> "assessment";
            case "policies", "budget" -> "actions";
            case "portfolio" -> "categories";
            default -> "other";
        };
    }

    @Nullable
    private static Object value(String name, ClientFacts facts, @Nullable Outcome outcome, @Nullable ServiceRequest request) {
        return switch (name) {
            case "cluster" -> outcome == null ? null : outcome.cluster();
            case "potentialLevel" -> outcome == null ? null : outcome.potentialLevel();
            case "revenueLevel" -> outcome == null ? null : outcome.revenueLevel();
            case "lifecycle" -> outcome == null ? null : outcome.lifecycle();
            case "experienceSegment" -> outcome == null ? null : outcome.experienceSegment();
            case "service" -> request == null ? null : request.service();
            case "category" -> request == null ? null : request.category();
            case "paid" -> request == null ? null : request.paid();
            case "discountPercent" -> request == null ? null : request.discountPercent();
            case "freeServicesGranted12m" -> request == null ? null : request.freeServicesGranted12m();
            default -> fact(name, facts);
        };
    }

    private static String shortVersion(String version) {
        return version.substring(0, Math.min(12, version.length()));
    }

    @Nullable
    private static Object fact(String name, ClientFacts facts) {
        RecordComponent component = FACTS.get(name);
        if (component == null) {
            return null; // refused when the rules were compiled: never reached
        }
        try {
            return component.getAccessor().invoke(facts);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fact " + name + " could not be read", e);
        }
    }
}
