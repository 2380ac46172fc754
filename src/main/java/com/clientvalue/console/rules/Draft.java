package com.clientvalue.console.rules;

import java.time.Instant;
import java.util.Map;

/**
 * An analyst's draft: the version it started from and the files changed since (path to content);
 * every other file is the base version's. Never live: only its publication makes a version.
 *
 * @param changedFiles how many files the draft changes (the files themselves are left out of lists)
 */
public record Draft(long id, String owner, String name, String baseVersion, Instant createdAt, Instant updatedAt,
                    Map<String, byte[]> files, int changedFiles) {
}
