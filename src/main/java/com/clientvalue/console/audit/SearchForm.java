package com.clientvalue.console.audit;

import com.clientvalue.audit.AuditQuery;
import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search form as typed: every field kept as text so that the form shows back what was asked,
 * read into the audit's own filter. The decision period is given in UTC days (the date inputs of a
 * form), both included: the filter's decision-time range ends at the start of the day after.
 */
public record SearchForm(String clientId, String ruleId, String ruleVersion, String cluster, String whatIf,
                         String asOfFrom, String asOfTo, String decidedFrom, String decidedTo) {
    public static final List<String> CLUSTERS = List.of("KEY", "DEVELOP", "MAINTAIN", "MARGINAL");
    private static final Set<String> WHAT_IF = Set.of("", "true", "false");

    static SearchForm of(@Nullable String clientId, @Nullable String ruleId, @Nullable String ruleVersion, @Nullable String cluster,
                         @Nullable String whatIf, @Nullable String asOfFrom, @Nullable String asOfTo,
                         @Nullable String decidedFrom, @Nullable String decidedTo) {
        return new SearchForm(clean(clientId), clean(ruleId), clean(ruleVersion), clean(cluster), clean(whatIf), clean(asOfFrom),
                clean(asOfTo), clean(decidedFrom), clean(decidedTo));
    }

    /** The form's fields that cannot be read, as message keys of the audit bundle; empty when it can be searched. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (clientId.length() > 64 || ruleId.length() > 100 || ruleVersion.length() > 64) {
            problems.add("audit.search.tooLong");
        }
        if (!cluster.isEmpty() && !CLUSTERS.contains(cluster)) {
            problems.add("audit.search.badCluster");
        }
        if (!WHAT_IF.contains(whatIf)) {
            problems.add("audit.search.badWhatIf");
        }
        for (String date : List.of(asOfFrom, asOfTo, decidedFrom, decidedTo)) {
            if (!date.isEmpty() && date(date) == null) {
                problems.add("audit.search.badDate");
                break;
            }
        }
        return problems;
    }

    AuditQuery.Filter filter() {
        LocalDate decidedFromDay = date(decidedFrom);
        LocalDate decidedToDay = date(decidedTo);
        Instant from = decidedFromDay == null ? null : decidedFromDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = decidedToDay == null ? null : decidedToDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new AuditQuery.Filter(blankToNull(clientId), blankToNull(ruleId), blankToNull(ruleVersion), blankToNull(cluster),
                whatIf.isEmpty() ? null : Boolean.valueOf(whatIf), date(asOfFrom), date(asOfTo), from, to);
    }

    /** Whether anything was asked: an empty form lists the newest decisions. */
    public boolean isEmpty() {
        return String.join("", clientId, ruleId, ruleVersion, cluster, whatIf, asOfFrom, asOfTo, decidedFrom, decidedTo).isEmpty();
    }

    /** The address of another page of the same search. */
    public String pageLink(int page) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientId", clientId);
        fields.put("ruleId", ruleId);
        fields.put("ruleVersion", ruleVersion);
        fields.put("cluster", cluster);
        fields.put("whatIf", whatIf);
        fields.put("asOfFrom", asOfFrom);
        fields.put("asOfTo", asOfTo);
        fields.put("decidedFrom", decidedFrom);
        fields.put("decidedTo", decidedTo);
        StringBuilder query = new StringBuilder("/console/audit?");
        fields.forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return query.append("page=").append(page).toString();
    }

    private static @Nullable LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clean(@Nullable String value) {
        return value == null ? "" : value.trim();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
