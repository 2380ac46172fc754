package com.clientvalue.console.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.micronaut.core.annotation.Nullable;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A three-way merge of one rule file, line by line (a CSV table's rows, a DRL file's lines): what the
 * draft changed since its base and what the active version changed since that same base are both
 * kept where they touch different lines; where both changed the same lines differently, that is a
 * conflict, which {@link Keep} settles for every conflict of the file at once or leaves open.
 * Files that are not text (spreadsheets) merge only when one side left them as they were.
 */
final class DraftMerge {
    private DraftMerge() {
    }

    /** Whose lines a conflict keeps: none (the merge is refused), the draft's or the active version's. */
    enum Keep { NONE, MINE, THEIRS }

    /**
     * Lines {@code fromLine}..{@code toLine} of the base file (1-based, inclusive; {@code toLine} is
     * {@code fromLine - 1} where both sides inserted at the same place) as the draft has them and as the
     * active version has them.
     */
    record Conflict(String path, int fromLine, int toLine, List<String> base, List<String> mine, List<String> theirs) {
    }

    /** The merged content (null: the file is gone), and the conflicts that were not settled. */
    record Result(@Nullable byte[] content, List<Conflict> conflicts) {
    }

    /**
     * Merges one file. {@code base}, {@code mine} or {@code theirs} is null where that version has no
     * such file (the draft added it, or the active version removed it).
     */
    static Result merge(String path, @Nullable byte[] base, @Nullable byte[] mine, @Nullable byte[] theirs, Keep keep) {
        if (Arrays.equals(mine, theirs) || Arrays.equals(base, theirs)) {
            return new Result(mine, List.of());
        }
        if (Arrays.equals(base, mine)) {
            return new Result(theirs, List.of());
        }
        String baseText = text(path, base);
        String mineText = text(path, mine);
        String theirText = text(path, theirs);
        if (mine == null || theirs == null || baseText == null || mineText == null || theirText == null) {
            // a file removed on one side and changed on the other, or not text: the whole file is the conflict
            List<String> baseLines = baseText == null ? List.of() : lines(baseText);
            Conflict whole = new Conflict(path, 1, baseLines.size(), baseLines,
                    mineText == null ? List.of() : lines(mineText), theirText == null ? List.of() : lines(theirText));
            return switch (keep) {
                case NONE -> new Result(mine, List.of(whole));
                case MINE -> new Result(mine, List.of());
                case THEIRS -> new Result(theirs, List.of());
            };
        }
        return mergeLines(path, lines(baseText), lines(mineText), lines(theirText), keep);
    }

    private static Result mergeLines(String path, List<String> base, List<String> mine, List<String> theirs, Keep keep) {
        List<Change> changes = new ArrayList<>();
        DiffUtils.diff(base, mine).getDeltas().forEach(delta -> changes.addAll(Change.of(delta, true)));
        DiffUtils.diff(base, theirs).getDeltas().forEach(delta -> changes.addAll(Change.of(delta, false)));
        changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));
        StringBuilder out = new StringBuilder();
        List<Conflict> conflicts = new ArrayList<>();
        int at = 0;
        int i = 0;
        while (i < changes.size()) {
            // a group: the changes that overlap one another, taken together over the base lines they span
            int start = changes.get(i).start();
            int end = changes.get(i).end();
            int j = i + 1;
            while (j < changes.size() && overlaps(changes.get(j), start, end)) {
                end = Math.max(end, changes.get(j).end());
                j++;
            }
            List<Change> group = changes.subList(i, j);
            base.subList(at, start).forEach(out::append);
            boolean ofMine = group.stream().anyMatch(Change::mine);
            boolean ofTheirs = group.stream().anyMatch(change -> !change.mine());
            List<String> asMine = side(base, group, true, start, end);
            List<String> asTheirs = side(base, group, false, start, end);
            if (!ofMine) {
                asTheirs.forEach(out::append);
            } else if (!ofTheirs || asMine.equals(asTheirs)) {
                asMine.forEach(out::append);
            } else {
                switch (keep) {
                    case NONE -> {
                        conflicts.add(new Conflict(path, start + 1, end, List.copyOf(base.subList(start, end)), asMine, asTheirs));
                        asMine.forEach(out::append);
                    }
                    case MINE -> asMine.forEach(out::append);
                    case THEIRS -> asTheirs.forEach(out::append);
                }
            }
            at = end;
            i = j;
        }
        base.subList(at, base.size()).forEach(out::append);
        return new Result(out.toString().getBytes(StandardCharsets.UTF_8), conflicts);
    }

    /**
     * Whether a change touches the base lines {@code start..end} of a group: it shares a line with them,
     * or inserts strictly inside them, or both insert at the same place. Changes that only meet
     * (one ends where the other starts) merge cleanly.
     */
    private static boolean overlaps(Change change, int start, int end) {
        if (change.start() < end && start < change.end()) {
            return true;
        }
        boolean empty = change.start() == change.end();
        if (empty && change.start() > start && change.start() < end) {
            return true;
        }
        return empty && start == end && change.start() == start;
    }

    /** The base lines start..end with one side's changes of the group applied. */
    private static List<String> side(List<String> base, List<Change> group, boolean mine, int start, int end) {
        List<String> lines = new ArrayList<>();
        int at = start;
        for (Change change : group) {
            if (change.mine() != mine) {
                continue;
            }
            lines.addAll(base.subList(at, change.start()));
            lines.addAll(change.lines());
            at = change.end();
        }
        lines.addAll(base.subList(at, end));
        return lines;
    }

    /** One side's change: base lines start..end (exclusive) replaced by {@code lines}. */
    private record Change(int start, int end, List<String> lines, boolean mine) {
        /**
         * A delta as changes: one per line where it rewrites as many lines as it replaces (rows edited in
         * place), so that edits of neighbouring rows on the two sides do not meet in one change.
         */
        static List<Change> of(AbstractDelta<String> delta, boolean mine) {
            int start = delta.getSource().getPosition();
            List<String> before = delta.getSource().getLines();
            List<String> after = delta.getTarget().getLines();
            if (before.size() != after.size() || before.size() < 2) {
                return List.of(new Change(start, start + before.size(), after, mine));
            }
            List<Change> lines = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    lines.add(new Change(start + i, start + i + 1, List.of(after.get(i)), mine));
                }
            }
            return lines;
        }
    }

    /** The lines of a text, each with its line end, so that a merge gives back the bytes of the lines it keeps. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int at = 0; at < text.length(); at++) {
            if (text.charAt(at) == '\n') {
                lines.add(text.substring(from, at + 1));
                from = at + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    /** The file as UTF-8 text; null for a spreadsheet or bytes that are not UTF-8. */
    private static @Nullable String text(String path, @Nullable byte[] content) {
        if (content == null) {
            return "";
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
