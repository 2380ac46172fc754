package com.clientvalue;

import com.clientvalue.rules.RuleSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The same sources with text replaced in one file, as an analyst's edit; fails the setup when the text is not there. */
    public static List<RuleSource> edit(List<RuleSource> sources, String path, String from, String to) {
        List<RuleSource> edited = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.path().equals(path)) {
                if (!source.text().contains(from)) {
                    throw new IllegalArgumentException("'" + from + "' not in " + path);
                }
                edited.add(new RuleSource(path, source.text().replace(from, to).getBytes(StandardCharsets.UTF_8)));
            } else {
                edited.add(source);
            }
        }
        return edited;
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
