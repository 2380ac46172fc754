package com.clientvalue.decision;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words the service adds to the analysts' sentences, in one language: the names of the figures
 * (from {@code i18n/explanations.properties} and its {@code _it}), and values written as that language
 * writes them (12,345.60 in English, 12.345,60 in Italian; lists as "A, B"; dates as ISO 8601 in both).
 */
final class ExplanationWords {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** The amounts of money among the facts, always shown with two decimals. */
    private static final Set<String> MONEY = Set.of("revenue12m", "margin12m", "overdueAmount", "cashCollected12m");
    private static final Map<String, ExplanationWords> BY_LANGUAGE = Explanations.LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), ExplanationWords::new));

    private final Locale locale;
    private final ResourceBundle words;
    // a format per thread (they are not thread-safe; making one was a fifth of the cost of explaining)
    private final ThreadLocal<NumberFormat> decimals;
    private final ThreadLocal<NumberFormat> integers;

    private ExplanationWords(String language) {
        this.locale = Locale.forLanguageTag(language);
        this.words = ResourceBundle.getBundle("i18n/explanations", locale, ExplanationWords.class.getClassLoader(), NO_FALLBACK);
        this.decimals = ThreadLocal.withInitial(() -> NumberFormat.getNumberInstance(locale));
        this.integers = ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(locale));
    }

    /** The words of a language among {@link Explanations#LANGUAGES}; the default's for any other. */
    static ExplanationWords of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get(Explanations.LANGUAGES.get(0)));
    }

    /** A sentence of the bundle with {0}, {1}… filled. */
    String text(String key, Object... arguments) {
        return new MessageFormat(words.getString(key), locale).format(arguments);
    }

    /** The name of a fact, outcome or request field for people ("revenue class" for abcClass); the name itself when unlabelled. */
    String label(String name) {
        return words.containsKey("label." + name) ? words.getString("label." + name) : name;
    }

    /** A value as this language writes it in a sentence. */
    String shown(String name, Object value) {
        if (value == null) {
            return text("value.unknown");
        }
        if (value instanceof Boolean yes) {
            return text(yes ? "value.yes" : "value.no");
        }
        if (value instanceof BigDecimal amount) {
            NumberFormat format = decimals.get();
            int decimals = MONEY.contains(name) ? 2 : Math.max(0, amount.stripTrailingZeros().scale());
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            return format.format(amount);
        }
        if (value instanceof Integer || value instanceof Long) {
            return integers.get().format(value);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> shown(name, item)).collect(Collectors.joining(", "));
        }
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }
}
