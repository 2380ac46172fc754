package com.clientvalue.rules;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A candidate rule set uploaded as a zip of the rules folder (with or without a top "rules/"
 * folder). Refuses what could hurt: paths leaving the folder, too many entries, too many bytes
 * once inflated (zip bombs), corrupt archives.
 */
public final class RuleArchive {
    static final int MAX_ENTRIES = 500;
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024;

    /** The archive cannot be used; nothing was validated or published. */
    static final class Rejected extends AbstractThrowableProblem {
        Rejected(String message) {
            super(Problems.type("archive-rejected"), "Rule archive rejected", Status.BAD_REQUEST, message, null, null,
                    Map.of("field", "body"));
        }
    }

    private RuleArchive() {
    }

    public static List<RuleSource> read(InputStream zip) {
        List<RuleSource> sources = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new Rejected("more than " + MAX_ENTRIES + " entries in the archive");
                }
                String path = entry.getName().replace('\\', '/');
                if (path.startsWith("/") || path.contains("../") || path.contains(":") || path.equals("..")) {
                    throw new Rejected("entry '" + path + "' points outside the rules folder");
                }
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || path.endsWith(".DS_Store")) {
                    continue;
                }
                byte[] content = readLimited(in, path);
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new Rejected("the archive inflates to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
                }
                if (RuleSource.isRuleFile(path) && paths.add(path)) {
                    sources.add(new RuleSource(path, content));
                }
            }
        } catch (ZipException e) {
            throw new Rejected("the body is not a valid zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new Rejected("the archive cannot be read: " + e.getMessage());
        }
        if (sources.isEmpty()) {
            throw new Rejected("the archive holds no rule file (.csv, .xlsx, .drl); zip the content of the rules folder");
        }
        List<RuleSource> candidate = withoutTopFolder(sources);
        refuseInvariants(candidate);
        return candidate;
    }

    // the invariants guard candidates: one that brings its own would be judged by rules of its choosing
    private static void refuseInvariants(List<RuleSource> candidate) {
        List<RuleProblem> problems = candidate.stream().filter(s -> s.kind() == RuleSource.Kind.INVARIANTS)
                .map(s -> new RuleProblem(s.path(), null, null, null, "a candidate may not hold policy invariants: the "
                        + "service keeps them apart and checks every candidate against its own (GET /api/rules/invariants; "
                        + "only COMPLIANCE changes them, with PUT /api/rules/invariants). Leave the invariants folder out of the zip"))
                .toList();
        if (!problems.isEmpty()) {
            throw new RulesRejected(problems, "nothing was validated or published");
        }
    }

    private static byte[] readLimited(ZipInputStream in, String path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            size += n;
            if (size > MAX_FILE_BYTES) {
                throw new Rejected("entry '" + path + "' inflates to more than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    // a zip of the folder itself ("rules/clusters/...") is accepted like a zip of its content
    private static List<RuleSource> withoutTopFolder(List<RuleSource> sources) {
        boolean nested = sources.stream().allMatch(s -> s.path().startsWith("rules/"));
        return sources.stream()
                .map(s -> nested ? new RuleSource(s.path().substring("rules/".length()), s.content()) : s)
                .sorted(Comparator.comparing(RuleSource::path))
                .toList();
    }
}
