package com.clientvalue.console.rules;

import com.clientvalue.rules.RuleSource;
import com.clientvalue.rules.RuleVersions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A draft as a candidate: the files of its base version with the draft's own files in their place,
 * the very list of files an uploaded zip gives {@code RulePublisher} and {@code ImpactPreview}.
 */
@Singleton
class DraftCandidates {
    private final RuleVersions versions;

    DraftCandidates(RuleVersions versions) {
        this.versions = versions;
    }

    List<RuleSource> base(Draft draft) {
        return versions.files(draft.baseVersion());
    }

    List<RuleSource> sources(Draft draft) {
        Map<String, RuleSource> files = new TreeMap<>();
        base(draft).forEach(file -> files.put(file.path(), file));
        draft.files().forEach((path, content) -> files.put(path, new RuleSource(path, content)));
        return new ArrayList<>(files.values());
    }

    /**
     * The state of a candidate's files: SHA-256 over every path and content, so that a result found
     * on a draft's files can tell whether the draft still has them (any edit, upload or rebase changes it).
     */
    static String state(List<RuleSource> sources) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            sources.stream().sorted(java.util.Comparator.comparing(RuleSource::path)).forEach(file -> {
                digest.update(file.path().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(java.nio.ByteBuffer.allocate(8).putLong(file.content().length).array());
                digest.update(file.content());
            });
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<RuleSource> file(Draft draft, String path) {
        byte[] own = draft.files().get(path);
        if (own != null) {
            return Optional.of(new RuleSource(path, own));
        }
        return base(draft).stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The content to keep for a file: null when it equals the base version's file (the draft no longer changes it). */
    byte[] toKeep(Draft draft, String path, byte[] content) {
        boolean asBase = base(draft).stream().anyMatch(f -> f.path().equals(path) && Arrays.equals(f.content(), content));
        return asBase ? null : content;
    }
}
