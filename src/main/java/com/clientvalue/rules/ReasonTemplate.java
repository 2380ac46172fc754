package com.clientvalue.rules;

import com.clientvalue.client.ClientFacts;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentence an analyst wrote to explain a rule, in English and optionally Italian, whose
 * {placeholders} name a fact of the client, an outcome of the decision or a field of the service
 * request and are filled with the client's values. A technical rule (a weight, an intermediate level) is kept in the audit and left
 * out of the short explanation. Written in a decision table's METADATA columns {@code reason("$param")},
 * {@code reason_it("$param")} and {@code technical("$param")}, or as @reason, @reason_it, @technical in DRL.
 */
public record ReasonTemplate(@Nullable String english, @Nullable String italian, boolean technical) {
    public static final String ENGLISH_SNIPPET = "reason(\"$param\")";
    public static final String ITALIAN_SNIPPET = "reason_it(\"$param\")";
    public static final String TECHNICAL_SNIPPET = "technical(\"$param\")";
    /** The outcomes a reason may quote (the facts are every field of {@link ClientFacts}). */
    public static final List<String> OUTCOMES = List.of("cluster", "potentialLevel", "revenueLevel", "lifecycle", "experienceSegment");
    /** What a service request says, which the reasons of the service rules may quote. */
    public static final List<String> REQUEST = List.of("service", "category", "paid", "discountPercent", "freeServicesGranted12m");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> NAMES = names();

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (var component : ClientFacts.class.getRecordComponents()) {
            names.add(component.getName());
        }
        names.addAll(OUTCOMES);
        names.addAll(REQUEST);
        return java.util.Collections.unmodifiableSet(names);
    }

    /** Every name a placeholder may hold. */
    public static Set<String> quotableNames() {
        return NAMES;
    }

    /** The sentence in a language (en, it): Italian when it was written, English otherwise; null when neither was. */
    @Nullable
    public String in(String language) {
        return "it".equals(language) && italian != null ? italian : english;
    }

    /** The names of a sentence's placeholders, in order, each once. */
    public static List<String> placeholders(String sentence) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(sentence);
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return List.copyOf(found);
    }

    /** What is wrong with a reason sentence an analyst wrote, as they would read it; empty when nothing is. */
    public static List<String> problems(String sentence) {
        List<String> problems = new ArrayList<>(placeholderProblems(sentence));
        if (sentence.indexOf('"') >= 0 || sentence.indexOf('\\') >= 0) {
            problems.add("a reason may not hold a double quote or a backslash: use ' instead");
        }
        return problems;
    }

    /**
     * What is wrong with the placeholders of a sentence (a reason, or a rule's NAME, which may hold
     * placeholders too when its row has no reason): a name that is no fact or outcome, a brace alone.
     */
    public static List<String> placeholderProblems(String sentence) {
        List<String> problems = new ArrayList<>();
        for (String name : placeholders(sentence)) {
            if (!NAMES.contains(name)) {
                problems.add("{" + name + "} names no fact or outcome: a reason may quote " + String.join(", ", NAMES)
                        + " (rules/README.md, Explanations)");
            }
        }
        int open = sentence.length() - sentence.replace("{", "").length();
        int close = sentence.length() - sentence.replace("}", "").length();
        if (open != close) {
            problems.add("a { without its } (or the other way round): a placeholder is a name between braces, e.g. {potential}");
        }
        return problems;
    }

    /** The sentence with each placeholder replaced by its value (a scan, not a regex: it runs for every fired rule). */
    public static String fill(String sentence, Function<String, String> value) {
        int open = sentence.indexOf('{');
        if (open < 0) {
            return sentence;
        }
        StringBuilder filled = new StringBuilder(sentence.length() + 32);
        int from = 0;
        while (open >= 0) {
            int close = sentence.indexOf('}', open + 1);
            int nested = sentence.indexOf('{', open + 1);
            if (close < 0) {
                break; // refused when the rules were compiled: kept as written
            }
            if (nested >= 0 && nested < close) { // "{a {b}": the inner one is the placeholder, as the pattern reads it
                open = nested;
                continue;
            }
            filled.append(sentence, from, open).append(value.apply(sentence.substring(open + 1, close).trim()));
            from = close + 1;
            open = sentence.indexOf('{', from);
        }
        return filled.append(sentence, from, sentence.length()).toString();
    }
}
