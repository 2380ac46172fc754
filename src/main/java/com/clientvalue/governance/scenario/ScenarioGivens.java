package com.clientvalue.governance.scenario;

import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.ExperienceSegment;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.PreviousDecision;
import com.clientvalue.decision.ServiceRequest;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.Dimension;
import com.clientvalue.client.DimensionRating;
import com.clientvalue.rules.ServiceDefinition;
import com.clientvalue.rules.Vocabulary;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static com.clientvalue.governance.scenario.ScenarioCells.oneOf;
import static com.clientvalue.governance.scenario.ScenarioCells.wholeNumber;
import static com.clientvalue.governance.scenario.ScenarioColumn.*;

/**
 * The inputs a scenario row gives, with the defaults of rules/README.md for the empty cells: a
 * plain active class-B client rated 50 that last ordered 20 days ago. Defaults follow the given
 * facts (a client that never ordered has no orders) so a row only states what it is about.
 */
final class ScenarioGivens {
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2011, 12, 10);
    private static final int MAX_DAYS = 36_500;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    record Inputs(ClientFacts facts, @Nullable PreviousDecision previous, @Nullable ServiceRequest request) {
    }

    private ScenarioGivens() {
    }

    static Inputs read(String name, ScenarioCells cells, Vocabulary vocabulary) {
        return new Inputs(facts(name, cells), previous(cells), request(cells, vocabulary));
    }

    private static ClientFacts facts(String name, ScenarioCells cells) {
        LocalDate asOf = cells.read(AS_OF, DEFAULT_AS_OF, false, ScenarioCells.date());
        Integer sinceLast = cells.read(DAYS_SINCE_LAST_ORDER, 20, true, wholeNumber(0, MAX_DAYS));
        boolean ordered = sinceLast != null;
        Integer sinceFirst = cells.read(DAYS_SINCE_FIRST_ORDER, ordered ? Math.max(300, sinceLast) : null, true,
                wholeNumber(0, MAX_DAYS));
        int orders = cells.read(ORDERS_12M, ordered && sinceLast < 365 ? 3 : 0, false, wholeNumber(0, Integer.MAX_VALUE));
        BigDecimal median = cells.read(MEDIAN_ORDER_INTERVAL_DAYS, null, true,
                ScenarioCells.number(new BigDecimal("0.01"), null));
        BigDecimal silence = cells.read(SILENCE_RATIO, null, true, ScenarioCells.number(BigDecimal.ZERO, null));
        if (ordered && silence == null && median != null && cells.isEmpty(SILENCE_RATIO)) {
            silence = BigDecimal.valueOf(sinceLast).divide(median, 2, RoundingMode.HALF_UP);
        }
        if (ordered && median == null && silence != null && silence.signum() > 0 && cells.isEmpty(MEDIAN_ORDER_INTERVAL_DAYS)) {
            median = BigDecimal.valueOf(sinceLast).divide(silence, 2, RoundingMode.HALF_UP);
        }
        checkOrderHistory(cells, sinceLast, sinceFirst, orders, median, silence);
        Integer expectation = cells.read(LATEST_EXPECTATION, null, true, wholeNumber(1, 5));
        Integer experience = cells.read(LATEST_EXPERIENCE, null, true, wholeNumber(1, 5));
        if ((expectation == null) != (experience == null)) {
            cells.problem(expectation == null ? LATEST_EXPECTATION : LATEST_EXPERIENCE,
                    "a survey has both scores: give latestExpectation and latestExperience, or neither");
        }
        Integer sinceAssessment = cells.read(DAYS_SINCE_ASSESSMENT, 30, true, wholeNumber(0, Integer.MAX_VALUE));
        // the product categories bought in 12 months, space-separated: none unless given
        List<String> productCategories = java.util.Objects.requireNonNullElse(cells.read(PRODUCT_CATEGORIES_12M, List.<String>of(), true,
                value -> java.util.Arrays.stream(value.trim().split("\\s+")).distinct().sorted().toList()), List.of());
        // open needs: their categories, space-separated; the count defaults to the number of categories
        List<String> categories = java.util.Objects.requireNonNullElse(cells.read(OPEN_NEED_CATEGORIES, List.<String>of(), true,
                value -> java.util.Arrays.stream(value.trim().split("\\s+")).distinct().sorted().toList()), List.of());
        int openNeeds = cells.read(OPEN_NEEDS, categories.size(), false, wholeNumber(0, Integer.MAX_VALUE));
        // the complaints of 90 days: their categories (space-separated) and worst severity; the count covers the categories
        List<String> complaintCategories = java.util.Objects.requireNonNullElse(cells.read(COMPLAINT_CATEGORIES_90D, List.<String>of(),
                true, value -> java.util.Arrays.stream(value.trim().split("\\s+")).distinct().sorted().toList()), List.of());
        Integer worstGiven = cells.read(WORST_COMPLAINT_SEVERITY_90D, null, true, wholeNumber(1, 5));
        int complaints = cells.read(COMPLAINTS_90D, Math.max(complaintCategories.size(), worstGiven == null ? 0 : 1), false,
                wholeNumber(0, Integer.MAX_VALUE));
        if (complaints < complaintCategories.size()) {
            cells.problem(COMPLAINTS_90D, "fewer complaints (" + complaints + ") than their categories (" + complaintCategories.size() + ")");
        }
        // referrals this client made: a count in 12 months and the days since the latest (30 by default when it made one)
        Integer lastReferral = cells.read(DAYS_SINCE_LAST_REFERRAL, null, true, wholeNumber(0, Integer.MAX_VALUE));
        int referralsMade = cells.read(REFERRALS_MADE_12M, lastReferral != null && lastReferral < 365 ? 1 : 0, false,
                wholeNumber(0, Integer.MAX_VALUE));
        if (complaints == 0 && worstGiven != null) {
            cells.problem(WORST_COMPLAINT_SEVERITY_90D, "a severity needs a complaint: give complaints90d of 1 or more");
        }
        if (openNeeds < categories.size()) {
            cells.problem(OPEN_NEEDS, "fewer open needs (" + openNeeds + ") than their categories (" + categories.size() + ")");
        }
        BigDecimal revenue = cells.read(REVENUE_12M, orders > 0 ? new BigDecimal("1000.00") : BigDecimal.ZERO, false,
                ScenarioCells.number(null, null));
        // no margin unless given (as for a client whose orders were imported without one); the percentage
        // follows from the margin and the revenue when its cell is empty
        BigDecimal margin = cells.read(MARGIN_12M, null, true, ScenarioCells.number(null, null));
        BigDecimal marginPercent = cells.read(MARGIN_PERCENT, margin == null || revenue.signum() <= 0 ? null
                : margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 2, RoundingMode.HALF_UP), true, ScenarioCells.number(null, null));
        AbcClass marginClass = cells.read(MARGIN_CLASS, null, true, oneOf(AbcClass.class, "an ABC class", false));
        return new ClientFacts("SCENARIO", asOf, name,
                cells.read(COUNTRY, "Italy", false, value -> value),
                cells.read(SECTOR, null, true, value -> value),
                cells.read(COMPANY_TYPE, null, true, value -> value),
                cells.read(EMPLOYEES, null, true, wholeNumber(0, Integer.MAX_VALUE)),
                cells.read(POTENTIAL, 50, true, wholeNumber(0, 100)),
                revenue,
                orders,
                ordered && sinceFirst != null ? asOf.minusDays(sinceFirst) : null,
                ordered ? asOf.minusDays(sinceLast) : null,
                sinceLast, ordered ? sinceFirst : null, median, silence,
                cells.read(ABC_CLASS, AbcClass.B, false, oneOf(AbcClass.class, "an ABC class", false)),
                margin, marginPercent, marginClass,
                cells.read(LOSS_REASON, null, true, value -> value),
                expectation == null ? null : asOf.minusDays(30), expectation, experience,
                complaints,
                sinceAssessment, ratings(cells, sinceAssessment != null),
                openNeeds, openNeeds == 0 ? null : cells.read(OLDEST_OPEN_NEED_DAYS, 10, false, wholeNumber(0, Integer.MAX_VALUE)),
                categories, complaints == 0 ? null : cells.read(WORST_COMPLAINT_SEVERITY_90D, null, true, wholeNumber(1, 5)),
                complaintCategories, cells.read(REFERRED_BY, null, true, value -> value),
                referralsMade, referralsMade == 0 && lastReferral == null ? null : lastReferral == null ? 30 : lastReferral,
                cells.read(OVERDUE_AMOUNT, null, true, ScenarioCells.number(null, null)),
                cells.read(MAX_DAYS_LATE_12M, null, true, wholeNumber(0, Integer.MAX_VALUE)),
                cells.read(CASH_COLLECTED_12M, null, true, ScenarioCells.number(BigDecimal.ZERO, null)),
                cells.read(CASH_CLASS, null, true, oneOf(AbcClass.class, "an ABC class", false)),
                productCategories, productCategories.isEmpty() ? null : productCategories.size());
    }

    /** The latest assessment's ratings: 2 where a cell is empty; none for a client never assessed. */
    private static List<DimensionRating> ratings(ScenarioCells cells, boolean assessed) {
        List<DimensionRating> ratings = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            ScenarioColumn risk = ScenarioColumn.rating(dimension, true);
            ScenarioColumn opportunity = ScenarioColumn.rating(dimension, false);
            if (!assessed) {
                for (ScenarioColumn column : List.of(risk, opportunity)) {
                    if (!cells.isEmpty(column)) {
                        cells.problem(column, "a client never assessed (daysSinceAssessment none) has no " + column.header());
                    }
                }
                continue;
            }
            ratings.add(new DimensionRating(dimension, cells.read(risk, 2, false, wholeNumber(1, 5)),
                    cells.read(opportunity, 2, false, wholeNumber(1, 5))));
        }
        return List.copyOf(ratings);
    }

    /** Facts the service could never derive from real orders would test nothing real. */
    private static void checkOrderHistory(ScenarioCells cells, Integer sinceLast, Integer sinceFirst, int orders,
                                          BigDecimal median, BigDecimal silence) {
        if (sinceLast == null) {
            for (ScenarioColumn column : List.of(DAYS_SINCE_FIRST_ORDER, MEDIAN_ORDER_INTERVAL_DAYS, SILENCE_RATIO)) {
                if (!cells.isEmpty(column) && !cells.isNone(column)) {
                    cells.problem(column, "a client that never ordered (daysSinceLastOrder none) has no " + column.header());
                }
            }
            if (orders > 0) {
                cells.problem(ORDERS_12M, "a client that never ordered (daysSinceLastOrder none) has no orders");
            }
        } else if (sinceFirst == null) {
            cells.problem(DAYS_SINCE_FIRST_ORDER, "a client that ordered has a first order: give a number of days "
                    + "or leave the cell empty");
        } else if (sinceFirst < sinceLast) {
            cells.problem(DAYS_SINCE_FIRST_ORDER, "the first order (" + sinceFirst + " days ago) cannot be after the last one ("
                    + sinceLast + " days ago)");
        }
    }

    @Nullable
    private static PreviousDecision previous(ScenarioCells cells) {
        List<ScenarioColumn> columns = List.of(PREVIOUS_CLUSTER, PREVIOUS_LIFECYCLE, PREVIOUS_EXPERIENCE, LAST_ACTIVE_CLUSTER);
        if (columns.stream().allMatch(cells::isEmpty)) {
            return null;
        }
        return new PreviousDecision("scenario-previous-decision",
                cells.read(PREVIOUS_CLUSTER, null, true, oneOf(Cluster.class, "a cluster", true)),
                cells.read(PREVIOUS_LIFECYCLE, null, true, oneOf(Lifecycle.class, "a lifecycle state", true)),
                cells.read(PREVIOUS_EXPERIENCE, null, true, oneOf(ExperienceSegment.class, "an experience segment", true)),
                cells.read(LAST_ACTIVE_CLUSTER, null, true, oneOf(Cluster.class, "a cluster", true)));
    }

    @Nullable
    private static ServiceRequest request(ScenarioCells cells, Vocabulary vocabulary) {
        List<ScenarioColumn> details = List.of(PAID, DISCOUNT_PERCENT, FREE_SERVICES_GRANTED_12M);
        if (cells.isEmpty(SERVICE) || cells.isNone(SERVICE)) {
            details.stream().filter(column -> !cells.isEmpty(column)).forEach(column ->
                    cells.problem(column, column.header() + " describes a service request: fill the service column too"));
            return null;
        }
        String code = cells.raw(SERVICE).toUpperCase(Locale.ROOT);
        ServiceDefinition service = vocabulary.service(code).orElse(null);
        if (service == null) {
            cells.problem(SERVICE, "'" + cells.raw(SERVICE) + "' is not a service code of vocabulary/services.csv; known codes: "
                    + vocabulary.services().stream().map(ServiceDefinition::code).collect(Collectors.joining(", ")));
            return null;
        }
        return new ServiceRequest(service.code(), service.category(),
                cells.read(PAID, true, false, ScenarioCells.trueOrFalse()),
                cells.read(DISCOUNT_PERCENT, BigDecimal.ZERO, false, ScenarioCells.number(BigDecimal.ZERO, HUNDRED)),
                cells.read(FREE_SERVICES_GRANTED_12M, 0, false, wholeNumber(0, Integer.MAX_VALUE)));
    }
}
