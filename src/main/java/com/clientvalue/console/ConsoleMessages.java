package com.clientvalue.console;

import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's texts, in English (the default bundle) and Italian ({@code _it}): one bundle per
 * screen under {@code i18n/}, looked up in order. A key that no bundle has shows as {@code ??key??},
 * which {@code ConsoleMessagesTest} keeps from ever reaching a page.
 */
@Singleton
public class ConsoleMessages {
    /** The bundles, one per screen; a key is looked up in each in turn. */
    static final List<String> BUNDLES = List.of("i18n/console", "i18n/portfolio", "i18n/client", "i18n/rules", "i18n/scenarios", "i18n/audit");
    /** The languages the console speaks, the first the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.ITALIAN);
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The language among those spoken that best serves the locale asked for. */
    public static Locale supported(Locale asked) {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst().orElse(LANGUAGES.get(0));
    }

    /** The text of a key in a language, with {0}, {1}… filled from the arguments (MessageFormat). */
    public String text(Locale locale, String key, Object... arguments) {
        Locale language = supported(locale);
        for (String bundle : BUNDLES) {
            ResourceBundle messages;
            try {
                messages = ResourceBundle.getBundle(bundle, language, ConsoleMessages.class.getClassLoader(), NO_FALLBACK);
            } catch (MissingResourceException e) {
                continue;
            }
            if (messages.containsKey(key)) {
                String pattern = messages.getString(key);
                // always through MessageFormat, so that a quote is written the same way (two of them) in every text
                return new MessageFormat(pattern, language).format(arguments);
            }
        }
        return "??" + key + "??";
    }
}
