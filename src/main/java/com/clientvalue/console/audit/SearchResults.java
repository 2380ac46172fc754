package com.clientvalue.console.audit;

import com.clientvalue.audit.AuditSummary;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What the search page shows: the form as typed, the problems that kept it from being searched,
 * and a page of results (null when there were problems).
 */
public record SearchResults(SearchForm form, List<String> problems, @Nullable List<AuditSummary> items, int page, long total,
                            int pageSize) {
    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * pageSize < total;
    }

    public long firstShown() {
        return items == null || items.isEmpty() ? 0 : (long) page * pageSize + 1;
    }

    public long lastShown() {
        return items == null ? 0 : (long) page * pageSize + items.size();
    }
}
