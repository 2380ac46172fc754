package com.clientvalue.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the analysts' rule files from a folder, in a stable order: tables, DRL, vocabulary and
 * test scenarios (tests/), all part of the versioned rule set. Documentation is not. The policy
 * invariants (invariants/) are not part of a rule set in the service: the service keeps them apart
 * (seeded from the folder), and a candidate that holds them is refused; the command-line validator,
 * which has no database, checks the folder against its own invariants file.
 */
final class RuleFolder {

    private RuleFolder() {
    }

    static List<RuleSource> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetInvalid(List.of(new RuleProblem(dir.toString(), null, null, null,
                    "the rules folder does not exist (set rules.dir or RULES_DIR)")));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> dir.relativize(file).toString().replace('\\', '/'))
                    .filter(RuleSource::isRuleFile)
                    .filter(path -> !path.substring(path.lastIndexOf('/') + 1).startsWith("."))
                    .sorted(Comparator.naturalOrder())
                    .map(path -> new RuleSource(path, readBytes(dir.resolve(path))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder as the service versions it: everything but the policy invariants. */
    static List<RuleSource> readRuleSet(Path dir) {
        return read(dir).stream().filter(source -> source.kind() != RuleSource.Kind.INVARIANTS).toList();
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
