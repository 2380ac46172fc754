package com.clientvalue.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips of the real rules folder, edited the way an analyst would, for upload tests. */
public final class RuleZip {
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private RuleZip() {
    }

    public static RuleZip ofRealFolder() {
        RuleZip zip = new RuleZip();
        for (RuleSource source : RuleFolder.read(Path.of(System.getProperty("rules.dir", "rules")))) {
            zip.files.put(source.path(), source.content());
        }
        return zip;
    }

    /** Replaces text in one file; fails the test setup if the text is not there. */
    public RuleZip replace(String path, String from, String to) {
        String text = new String(files.get(path), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("'" + from + "' not in " + path);
        }
        files.put(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public RuleZip add(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
