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

    /** The folder as an analyst zips a candidate: everything but the invariants, which the service keeps apart. */
    public static RuleZip ofRealFolder() {
        RuleZip zip = new RuleZip();
        for (RuleSource source : RuleFolder.read(Path.of(System.getProperty("rules.dir", "rules")))) {
            if (source.kind() != RuleSource.Kind.INVARIANTS) {
                zip.files.put(source.path(), source.content());
            }
        }
        return zip;
    }

    /**
     * The edit an analyst makes to raise the HIGH potential threshold from 60 to 70: both rows of
     * the potential table, and the scenarios that pinned the old boundary.
     */
    public static byte[] potentialThreshold70() {
        return potentialThreshold70("");
    }

    /** The same edit with a note of its own, so that it is a version never stored before. */
    public static byte[] potentialThreshold70(String note) {
        String table = "clusters/potential-level.csv";
        String scenarios = "tests/clusters.csv";
        return ofRealFolder()
                .replace(table, "POT-HIGH,A potential rated 60 or more is high,60", "POT-HIGH,A potential rated 70 or more is high,70")
                .replace(table, "POT-LOW,A potential rated below 60 is low,,60", "POT-LOW,A potential rated below 70 is low,,70")
                .replace(scenarios, "potential 60 and class A make a key client,60,", "potential 70 and class A make a key client,70,")
                .replace(scenarios, "potential 60 and class B make a client to develop,60,", "potential 70 and class B make a client to develop,70,")
                .replace(table, "Change the thresholds in the rows below.", "Change the thresholds in the rows below." + note)
                .bytes();
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

    public RuleZip remove(String path) {
        if (files.remove(path) == null) {
            throw new IllegalArgumentException(path + " not in the folder");
        }
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
