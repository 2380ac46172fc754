package com.clientvalue.decision;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.DimensionRating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Client facts for rule tests: a plain active class-B client, changed one field at a time. */
final class TestFacts {
    static final LocalDate AS_OF = LocalDate.of(2011, 12, 10);

    Integer potential = 50;
    AbcClass abcClass = AbcClass.B;
    BigDecimal margin12m;
    AbcClass marginClass;
    int orders12m = 3;
    Integer daysSinceLastOrder = 20;
    Integer daysSinceFirstOrder = 300;
    BigDecimal medianInterval;
    BigDecimal silenceRatio;
    String lossReason;
    Integer expectation;
    Integer experience;
    int complaints90d;
    Integer daysSinceAssessment = 30;
    List<DimensionRating> ratings = DimensionRating.uniform(2, 2);

    static TestFacts client() {
        return new TestFacts();
    }

    TestFacts potential(Integer value) {
        potential = value;
        return this;
    }

    /** A 12-month margin (on the revenue of 1,000.00) and its Pareto class. */
    TestFacts margin(String margin, AbcClass margins) {
        margin12m = new BigDecimal(margin);
        marginClass = margins;
        return this;
    }

    TestFacts abcClass(AbcClass value) {
        abcClass = value;
        return this;
    }

    TestFacts neverOrdered() {
        daysSinceLastOrder = null;
        daysSinceFirstOrder = null;
        orders12m = 0;
        return this;
    }

    TestFacts ordering(Integer daysSinceLast, Integer daysSinceFirst, int orders) {
        daysSinceLastOrder = daysSinceLast;
        daysSinceFirstOrder = daysSinceFirst;
        orders12m = orders;
        return this;
    }

    TestFacts rhythm(String median, String ratio) {
        medianInterval = median == null ? null : new BigDecimal(median);
        silenceRatio = ratio == null ? null : new BigDecimal(ratio);
        return this;
    }

    TestFacts lossReason(String value) {
        lossReason = value;
        return this;
    }

    TestFacts survey(Integer expectationScore, Integer experienceScore) {
        expectation = expectationScore;
        experience = experienceScore;
        return this;
    }

    TestFacts complaints(int count) {
        complaints90d = count;
        return this;
    }

    TestFacts assessed(Integer daysAgo) {
        daysSinceAssessment = daysAgo;
        ratings = daysAgo == null ? List.of() : ratings;
        return this;
    }

    TestFacts ratings(List<DimensionRating> values) {
        ratings = values;
        return this;
    }

    ClientFacts build() {
        return new ClientFacts("C1", AS_OF, "Client 1", "Italy", null, null, null, potential, new BigDecimal("1000.00"),
                orders12m,
                daysSinceFirstOrder == null ? null : AS_OF.minusDays(daysSinceFirstOrder),
                daysSinceLastOrder == null ? null : AS_OF.minusDays(daysSinceLastOrder),
                daysSinceLastOrder, daysSinceFirstOrder, medianInterval, silenceRatio, abcClass, margin12m,
                margin12m == null ? null : margin12m.multiply(BigDecimal.valueOf(100)).divide(new BigDecimal("1000.00"), 2,
                        java.math.RoundingMode.HALF_UP), marginClass, lossReason,
                expectation == null ? null : AS_OF.minusDays(30), expectation, experience, complaints90d, daysSinceAssessment,
                ratings, 0, null, List.of(), null, List.of(), null, 0, null, null, null, null, null, List.of(), null);
    }
}
