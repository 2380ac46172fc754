package com.clientvalue.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions, file by file, as unified diffs a reviewer can read. */
final class RuleVersionDiff {
    private RuleVersionDiff() {
    }

    static String between(List<RuleSource> before, List<RuleSource> after) {
        Map<String, RuleSource> old = before.stream().collect(Collectors.toMap(RuleSource::path, Function.identity()));
        Map<String, RuleSource> now = after.stream().collect(Collectors.toMap(RuleSource::path, Function.identity()));
        TreeSet<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<String> diff = new ArrayList<>();
        for (String path : paths) {
            List<String> a = lines(old.get(path));
            List<String> b = lines(now.get(path));
            if (!a.equals(b)) {
                diff.addAll(UnifiedDiffUtils.generateUnifiedDiff(old.containsKey(path) ? "a/" + path : "/dev/null",
                        now.containsKey(path) ? "b/" + path : "/dev/null", a, DiffUtils.diff(a, b), 2));
            }
        }
        return String.join("\n", diff);
    }

    private static List<String> lines(RuleSource source) {
        if (source == null) {
            return List.of();
        }
        return source.kind() == RuleSource.Kind.XLSX_TABLE
                ? List.of("(binary spreadsheet, sha256 " + RuleSetCompiler.sha256(source.content()) + ")")
                : source.text().lines().toList();
    }
}
