package com.clientvalue.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every table a console template writes says what it holds in a caption, which screen readers announce with it. */
class ConsoleTablesTest {
    private static final Pattern TABLE = Pattern.compile("<table\\b[^>]*>(.*?)</table>", Pattern.DOTALL);

    @Test
    void everyTableOfTheConsoleHasACaption() throws IOException {
        List<String> missing = new ArrayList<>();
        int tables = 0;
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/views"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                String text = Files.readString(template);
                Matcher table = TABLE.matcher(text);
                while (table.find()) {
                    tables++;
                    if (!table.group(1).stripLeading().startsWith("<caption")) {
                        missing.add(template.getFileName() + " line " + (text.substring(0, table.start()).lines().count()));
                    }
                }
            }
        }
        assertTrue(tables > 30, "tables found: " + tables);
        assertTrue(missing.isEmpty(), () -> "tables without a caption as their first element: " + missing);
    }
}
