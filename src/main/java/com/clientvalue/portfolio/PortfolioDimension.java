package com.clientvalue.portfolio;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.AssessmentResult;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.Outcome;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A way the portfolio views group clients, and how a client's value on it is read from its facts and
 * the outcome of its evaluation. The summary, the matrices and the lists of the clients behind their
 * figures all read values through here, so a list holds exactly the clients its figure counts.
 * "NONE" is the value of a client no rule (or no survey, no assessment) gave one; a client outside a
 * dimension altogether (loss reason of a client neither lost nor inactive) has none.
 */
public enum PortfolioDimension {
    CLUSTER("cluster", (f, o) -> name(o.cluster())),
    ABC_CLASS("abcClass", (f, o) -> name(f.abcClass())),
    /** The ABC class by margin; NONE for a client whose orders of the window carry no imported margin. */
    MARGIN_CLASS("marginClass", (f, o) -> name(f.marginClass())),
    LIFECYCLE("lifecycle", (f, o) -> name(o.lifecycle())),
    EXPERIENCE_SEGMENT("experienceSegment", (f, o) -> name(o.experienceSegment())),
    /** Lost and inactive clients only: the recorded reason, or UNKNOWN. */
    LOSS_REASON("lossReason", (f, o) -> o.lifecycle() != Lifecycle.LOST && o.lifecycle() != Lifecycle.INACTIVE ? null
            : f.lossReason() == null ? PortfolioSummarizer.UNKNOWN_REASON : f.lossReason()),
    POTENTIAL_LEVEL("potentialLevel", (f, o) -> name(o.potentialLevel())),
    REVENUE_LEVEL("revenueLevel", (f, o) -> name(o.revenueLevel())),
    LATEST_EXPECTATION("latestExpectation", (f, o) -> text(f.latestExpectation())),
    LATEST_EXPERIENCE("latestExperience", (f, o) -> text(f.latestExperience())),
    RISK_BAND("riskBand", (f, o) -> band(o.assessment(), true)),
    OPPORTUNITY_BAND("opportunityBand", (f, o) -> band(o.assessment(), false));

    static final String NONE = "NONE";
    private final String parameter;
    private final BiFunction<ClientFacts, Outcome, String> reader;

    PortfolioDimension(String parameter, BiFunction<ClientFacts, Outcome, String> reader) {
        this.parameter = parameter;
        this.reader = reader;
    }

    /** Its name as a query parameter of the API and as the axis name of a {@link PortfolioMatrix}. */
    public String parameter() {
        return parameter;
    }

    /** The client's value on this dimension; null when the dimension does not count the client. */
    public @Nullable String of(ClientFacts facts, Outcome outcome) {
        return reader.apply(facts, outcome);
    }

    public static Optional<PortfolioDimension> byParameter(String parameter) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(parameter)).findFirst();
    }

    private static String band(AssessmentResult assessment, boolean risk) {
        return assessment == null ? NONE : name(risk ? assessment.riskBand() : assessment.opportunityBand());
    }

    private static String name(Enum<?> value) {
        return value == null ? NONE : value.name();
    }

    private static String text(Integer value) {
        return value == null ? NONE : value.toString();
    }
}
