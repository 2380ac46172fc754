package com.clientvalue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The real rules/ folder, and copies of it that a test may edit as an analyst would. */
public final class RealRulesFolder {
    public static final Path PATH = Path.of(System.getProperty("rules.dir", "rules"));

    private RealRulesFolder() {
    }

    public static Path copy() {
        try {
            Path copy = Files.createTempDirectory("rules");
            try (Stream<Path> files = Files.walk(PATH)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = copy.resolve(PATH.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in a file of a copy; fails the test setup when the text is not there. */
    public static void edit(Path folder, String file, String from, String to) {
        try {
            Path path = folder.resolve(file);
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException("'" + from + "' not in " + file);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
