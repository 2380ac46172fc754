package com.clientvalue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line validator: no server, no database, an exit code a script can use. */
class ValidateCommandTest {
    private static final Path REAL = Path.of(System.getProperty("rules.dir", "rules"));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void realRulesFolderIsValid() {
        assertEquals(0, run("validate", REAL.toString()));
        assertTrue(output().startsWith("OK "), output());
    }

    @Test
    void brokenFolderExitsWithOneAndListsEveryProblemWhereAnAnalystFindsIt() throws IOException {
        Path broken = copyOfRealFolder();
        Path table = broken.resolve("clusters/cluster-classification.csv");
        Files.writeString(table, Files.readString(table).replace("LOW,HIGH,MAINTAIN", "LOW,HIGH,MAINTIAN"));

        assertEquals(1, run("validate", broken.toString()));
        assertTrue(output().contains("clusters/cluster-classification.csv, table 'Cluster classification', row 12, column E (Cluster)"),
                output());
    }

    @Test
    void failingScenarioBlocksValidation() throws IOException {
        Path broken = copyOfRealFolder();
        Path table = broken.resolve("clusters/potential-level.csv");
        Files.writeString(table, Files.readString(table).replace("rated 60 or more is high,60", "rated 60 or more is high,61"));

        assertEquals(1, run("validate", broken.toString()));
        assertTrue(output().contains("tests/"), output());
    }

    @Test
    void tooManyArgumentsIsAUsageError() {
        assertEquals(2, run("validate", "a", "b"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage:"));
    }

    private int run(String... args) {
        return ValidateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Path copyOfRealFolder() throws IOException {
        Path copy = Files.createTempDirectory("rules");
        try (Stream<Path> files = Files.walk(REAL)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(REAL.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return copy;
    }
}
