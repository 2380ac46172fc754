package com.clientvalue.console;

import com.clientvalue.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every page's template needs besides its own content: the person signed in and their roles
 * (to show only what they may use), the session's CSRF token for forms, the language and its texts,
 * and which section of the navigation is open.
 */
public final class Ui {
    private final ConsoleMessages messages;
    private final Locale locale;
    private final String name;
    private final Set<String> roles;
    private final String csrfToken;
    private final String section;

    Ui(ConsoleMessages messages, Locale locale, String name, Set<String> roles, String csrfToken, String section) {
        this.messages = messages;
        this.locale = ConsoleMessages.supported(locale);
        this.name = name;
        this.roles = Set.copyOf(roles);
        this.csrfToken = csrfToken;
        this.section = section;
    }

    /** The same person and language, another section of the navigation. */
    public Ui in(String otherSection) {
        return new Ui(messages, locale, name, roles, csrfToken, otherSection);
    }

    /** A text in the page's language. */
    public String t(String key, Object... arguments) {
        return messages.text(locale, key, arguments);
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public boolean signedIn() {
        return name != null;
    }

    public String name() {
        return name;
    }

    public List<String> roles() {
        return roles.stream().sorted().toList();
    }

    public String csrfToken() {
        return csrfToken == null ? "" : csrfToken;
    }

    /** The CSRF header for htmx requests, as the JSON of an {@code hx-headers} attribute. */
    public String csrfHeaders() {
        return "{\"X-CSRF-TOKEN\": \"" + csrfToken() + "\"}";
    }

    public String section() {
        return section;
    }

    /** Whether the person holds at least one of the roles. */
    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean seesPortfolio() {
        return hasAny(Roles.ANALYST, Roles.CRM);
    }

    public boolean seesClients() {
        return hasAny(Roles.CRM, Roles.ANALYST, Roles.AUDITOR);
    }

    public boolean seesRules() {
        return hasAny(Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN, Roles.COMPLIANCE);
    }

    public boolean editsRules() {
        return hasAny(Roles.ANALYST);
    }

    public boolean seesAudit() {
        return hasAny(Roles.AUDITOR);
    }

    public boolean seesAdminLog() {
        return hasAny(Roles.ADMIN, Roles.AUDITOR);
    }

    /** A date as people of this language write it (12 Dec 2011, 12 dic 2011). */
    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    /** A whole number with this language's grouping (12,345 or 12.345). */
    public String number(long value) {
        return java.text.NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** An amount with two decimals in this language's notation. */
    public String amount(java.math.BigDecimal value) {
        if (value == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** The other languages, for the switch. */
    public List<String> otherLanguages() {
        return ConsoleMessages.LANGUAGES.stream().map(Locale::getLanguage).filter(l -> !l.equals(lang())).toList();
    }
}
