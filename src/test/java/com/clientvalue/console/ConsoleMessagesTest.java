package com.clientvalue.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text a template asks for exists in English and in Italian, and the two languages have the same keys. */
class ConsoleMessagesTest {
    private static final Pattern KEY = Pattern.compile("ui\\.t\\(\"([a-zA-Z0-9._-]+)\"\\s*[,)]");

    @Test
    void everyKeyATemplateUsesExistsInBothLanguages() throws IOException {
        Set<String> english = keys("");
        Set<String> italian = keys("_it");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/views"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher used = KEY.matcher(Files.readString(template));
                while (used.find()) {
                    if (!english.contains(used.group(1)) || !italian.contains(used.group(1))) {
                        missing.add(template.getFileName() + ": " + used.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "texts missing in a language: " + missing);
        assertEquals(english, italian, "the English and Italian bundles have the same keys");
    }

    @Test
    void everyFactAndRequestFieldAnAuditedDecisionShowsHasALabelInBothLanguages() {
        ConsoleMessages messages = new ConsoleMessages();
        List<String> unlabelled = new ArrayList<>();
        for (String name : com.clientvalue.rules.ReasonTemplate.quotableNames()) {
            for (java.util.Locale language : ConsoleMessages.LANGUAGES) {
                if (messages.text(language, "audit.field." + name).startsWith("??")) {
                    unlabelled.add(name + " (" + language + ")");
                }
            }
        }
        assertEquals(List.of(), unlabelled, "the decision page would show these by their field names");
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailingThePage() {
        assertEquals("??no.such.key??", new ConsoleMessages().text(java.util.Locale.ITALIAN, "no.such.key"));
        assertEquals("Benvenuto, Ada", new ConsoleMessages().text(java.util.Locale.ITALY, "home.welcome", "Ada"));
        assertEquals("Welcome, Ada", new ConsoleMessages().text(java.util.Locale.GERMAN, "home.welcome", "Ada"));
    }

    private static Set<String> keys(String suffix) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : ConsoleMessages.BUNDLES) {
            try (InputStream in = ConsoleMessages.class.getClassLoader().getResourceAsStream(bundle + suffix + ".properties")) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                    properties.stringPropertyNames().forEach(keys::add);
                }
            }
        }
        return keys;
    }
}
