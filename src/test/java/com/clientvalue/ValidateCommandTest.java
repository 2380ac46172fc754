package com.clientvalue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line validator: no server, no database, an exit code a script can use. */
class ValidateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void realRulesFolderIsValid() {
        assertEquals(0, run("validate", RealRulesFolder.PATH.toString()));
        assertTrue(output().startsWith("OK "), output());
    }

    @Test
    void brokenFolderExitsWithOneAndListsEveryProblemWhereAnAnalystFindsIt() {
        Path broken = RealRulesFolder.copy();
        RealRulesFolder.edit(broken, "clusters/cluster-classification.csv", "LOW,HIGH,MAINTAIN", "LOW,HIGH,MAINTIAN");

        assertEquals(1, run("validate", broken.toString()));
        assertTrue(output().contains("clusters/cluster-classification.csv, table 'Cluster classification', row 12, column E (Cluster)"),
                output());
    }

    @Test
    void failingScenarioBlocksValidation() {
        Path broken = RealRulesFolder.copy();
        RealRulesFolder.edit(broken, "clusters/potential-level.csv", "rated 60 or more is high,60", "rated 60 or more is high,61");

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
}
