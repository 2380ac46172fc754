package com.clientvalue.governance.invariant;

import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.PreviousDecision;
import com.clientvalue.decision.ServiceRequest;

import com.clientvalue.client.AbcClass;
import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.DimensionRating;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.clientvalue.governance.invariant.BoundaryInputs.AS_OF;

/** A client generated for {@link BoundaryInputs}, built field by field; its ordering data is kept consistent. */
final class GeneratedClient {

    Integer potential = 50;
    AbcClass abc = AbcClass.B;
    Integer last = 30;
    Integer first = 400;
    int orders = 3;
    BigDecimal ratio;
    String lossReason;
    Cluster lastActive;
    Integer expectation;
    Integer experience;
    int complaints;
    Integer employees;
    Integer assessed = 30;
    List<DimensionRating> ratings = DimensionRating.uniform(2, 2);
    BigDecimal revenue = new BigDecimal("1000.00");
    ServiceRequest request;
    /** Fields set by name, beyond those above, per input fact: {@link BoundaryInputs} varies them from the tables' constants. */
    Map<TableConstants.Field, Object> others = new LinkedHashMap<>();

    GeneratedClient copy() {
        GeneratedClient c = new GeneratedClient();
        c.potential = potential;
        c.abc = abc;
        c.last = last;
        c.first = first;
        c.orders = orders;
        c.ratio = ratio;
        c.lossReason = lossReason;
        c.lastActive = lastActive;
        c.expectation = expectation;
        c.experience = experience;
        c.complaints = complaints;
        c.employees = employees;
        c.assessed = assessed;
        c.ratings = ratings;
        c.revenue = revenue;
        c.request = request;
        c.others = new LinkedHashMap<>(others);
        return c;
    }

    GeneratedClient potential(Integer value) {
        potential = value;
        return this;
    }

    GeneratedClient abc(AbcClass value) {
        abc = value;
        return this;
    }

    GeneratedClient ordering(Integer daysSinceLast, Integer daysSinceFirst, int count) {
        last = daysSinceLast;
        first = daysSinceLast == null ? null : Math.max(daysSinceFirst == null ? daysSinceLast : daysSinceFirst, daysSinceLast);
        orders = daysSinceLast == null ? 0 : count;
        return this;
    }

    GeneratedClient rhythm(BigDecimal silenceRatio) {
        ratio = last == null ? null : silenceRatio;
        return this;
    }

    GeneratedClient lossReason(String reason) {
        lossReason = reason;
        return this;
    }

    GeneratedClient lastActive(Cluster cluster) {
        lastActive = cluster;
        return this;
    }

    GeneratedClient survey(Integer expectationScore, Integer experienceScore, int complaintCount) {
        expectation = expectationScore;
        experience = experienceScore;
        complaints = complaintCount;
        return this;
    }

    GeneratedClient revenue(BigDecimal value) {
        revenue = value;
        return this;
    }

    GeneratedClient assessed(Integer daysAgo) {
        assessed = daysAgo;
        ratings = daysAgo == null ? List.of() : ratings;
        return this;
    }

    GeneratedClient ratings(List<DimensionRating> values) {
        ratings = values;
        return this;
    }

    GeneratedClient employees(Integer count) {
        employees = count;
        return this;
    }

    GeneratedClient request(boolean paid, String category, BigDecimal discount, int used) {
        request = new ServiceRequest("GENERATED", category, paid, discount, used);
        return this;
    }

    GeneratedClient set(TableConstants.Field field, Object value) {
        others.put(field, value);
        return this;
    }

    BoundaryInputs.Input input() {
        boolean surveyed = expectation != null && experience != null;
        ClientFacts facts = new ClientFacts("GENERATED", AS_OF, "Generated client", "Italy", null, null, employees, potential,
                revenue, orders, first == null ? null : AS_OF.minusDays(first),
                last == null ? null : AS_OF.minusDays(last), last, first,
                ratio == null ? null : new BigDecimal("10"), ratio, abc, null, null, null, lossReason,
                surveyed ? AS_OF.minusDays(10) : null, surveyed ? expectation : null, surveyed ? experience : null, complaints,
                assessed, assessed == null ? List.of() : ratings, 0, null, List.of(), null, List.of(), null, 0, null, null, null, null, null, List.of(), null);
        PreviousDecision previous = lastActive == null ? null
                : new PreviousDecision("generated-previous", lastActive, Lifecycle.ACTIVE, null, lastActive);
        ServiceRequest asked = request;
        for (Map.Entry<TableConstants.Field, Object> other : others.entrySet()) {
            String name = other.getKey().name();
            Object value = other.getKey().type() == String.class && TableConstants.OTHER_TEXT.equals(other.getValue())
                    ? "another " + name : other.getValue();
            if (other.getKey().fact() == ClientFacts.class) {
                facts = Records.with(facts, name, value);
                if (name.equals("medianOrderIntervalDays")) {
                    facts = Records.with(facts, "silenceRatio", silenceRatio(facts.daysSinceLastOrder(), (BigDecimal) value));
                }
            } else if (other.getKey().fact() == ServiceRequest.class && asked != null) {
                asked = Records.with(asked, name, value);
            } else if (other.getKey().fact() == PreviousDecision.class) {
                previous = Records.with(previous == null
                        ? new PreviousDecision("generated-previous", null, null, null, null) : previous, name, value);
            }
        }
        return new BoundaryInputs.Input(facts, previous, asked, label());
    }

    /** As the facts compute it: days since the last order over the usual gap, two decimals. */
    private static BigDecimal silenceRatio(Integer daysSinceLast, BigDecimal median) {
        return daysSinceLast == null || median == null || median.signum() <= 0 ? null
                : BigDecimal.valueOf(daysSinceLast).divide(median, 2, java.math.RoundingMode.HALF_UP);
    }

    private String label() {
        StringBuilder label = new StringBuilder("potential=" + potential + ", abcClass=" + abc + ", daysSinceLastOrder=" + last
                + ", daysSinceFirstOrder=" + first + ", orders12m=" + orders);
        if (ratio != null) {
            label.append(", silenceRatio=").append(ratio);
        }
        if (lossReason != null) {
            label.append(", lossReason set");
        }
        if (lastActive != null) {
            label.append(", lastActiveCluster=").append(lastActive);
        }
        if (expectation != null || experience != null) {
            label.append(", latestExpectation=").append(expectation).append(", latestExperience=").append(experience);
        }
        if (complaints > 0) {
            label.append(", complaints90d=").append(complaints);
        }
        if (employees != null) {
            label.append(", employees=").append(employees);
        }
        label.append(", daysSinceAssessment=").append(assessed);
        if (assessed != null) {
            label.append(", ratings (risk/opportunity)=").append(ratings.stream()
                    .map(r -> r.dimension() + " " + r.risk() + "/" + r.opportunity()).collect(Collectors.joining(" ")));
        }
        label.append(", revenue12m=").append(revenue);
        if (request != null) {
            label.append(", request: paid=").append(request.paid()).append(", category=").append(request.category())
                    .append(", discountPercent=").append(request.discountPercent())
                    .append(", freeServicesGranted12m=").append(request.freeServicesGranted12m());
        }
        others.forEach((field, value) -> label.append(", ").append(field.fact() == ClientFacts.class ? "" : field.fact().getSimpleName() + " ")
                .append(field.name()).append('=').append(TableConstants.OTHER_TEXT.equals(value) ? "another value" : value));
        return label.toString();
    }
}
