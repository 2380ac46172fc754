package com.clientvalue.console.rules;

import com.clientvalue.rules.RuleSource;
import com.clientvalue.rules.RuleVersions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves a draft onto a newer version by a three-way merge of each file it changed ({@link DraftMerge}):
 * the draft's base, the draft, the new version. What the draft and the new version changed in
 * different rows is kept from both; where both changed the same rows differently the move is refused
 * with those conflicts, unless the analyst chose whose rows the conflicts keep. A file that ends up as
 * the new version has it leaves the draft.
 */
@Singleton
class DraftRebase {
    private final Drafts drafts;
    private final RuleVersions versions;

    DraftRebase(Drafts drafts, RuleVersions versions) {
        this.drafts = drafts;
        this.versions = versions;
    }

    /** What a move did: moved (with the paths whose rows were merged from both sides), or refused with its conflicts. */
    record Outcome(boolean moved, List<String> merged, List<DraftMerge.Conflict> conflicts) {
    }

    Outcome rebase(Draft draft, String toVersion, DraftMerge.Keep keep) {
        Map<String, byte[]> base = contents(versions.files(draft.baseVersion()));
        Map<String, byte[]> theirs = contents(versions.files(toVersion));
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<DraftMerge.Conflict> conflicts = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        draft.files().forEach((path, mine) -> {
            DraftMerge.Result result = DraftMerge.merge(path, base.get(path), mine, theirs.get(path), keep);
            conflicts.addAll(result.conflicts());
            byte[] content = result.content();
            if (content != null && !Arrays.equals(content, theirs.get(path))) {
                files.put(path, content);
                if (!Arrays.equals(content, mine)) {
                    merged.add(path);
                }
            }
        });
        if (!conflicts.isEmpty()) {
            return new Outcome(false, List.of(), conflicts);
        }
        boolean moved = drafts.rebase(draft.id(), draft.owner(), draft.baseVersion(), draft.files(), toVersion, files);
        return new Outcome(moved, merged, List.of());
    }

    private static Map<String, byte[]> contents(List<RuleSource> sources) {
        return sources.stream().collect(Collectors.toMap(RuleSource::path, RuleSource::content, (a, b) -> a, LinkedHashMap::new));
    }
}
