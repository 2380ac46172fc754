package com.clientvalue.governance.scenario;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.client.DimensionRating;
import com.clientvalue.decision.AssessmentResult;
import com.clientvalue.decision.Decision;
import com.clientvalue.decision.Outcome;
import com.clientvalue.decision.PreviousDecision;
import com.clientvalue.decision.ProposedAction;
import com.clientvalue.decision.ServiceRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An audited decision turned into a test scenario (rules/README.md, Test scenarios): its facts as
 * the givens, every one written out (none where the client had no value), and what it decided as
 * the expectation. Run on the version that decided, it passes; kept among the scenarios, it makes
 * every later publication that would treat this client otherwise fail until an analyst agrees.
 * The row's columns are those of {@link #header()}, the header of {@value #FILE}.
 */
public final class ScenarioFromDecision {
    /** The scenario file that holds scenarios taken from audited decisions. */
    public static final String FILE = "tests/audited.csv";
    private static final String NONE = "none";

    private ScenarioFromDecision() {
    }

    /** Every column a scenario taken from a decision fills, given and expected. */
    public static List<String> header() {
        // not the rules that fired nor the explanation's wording: a scenario pins what was decided
        return Arrays.stream(ScenarioColumn.values()).filter(c -> c != ScenarioColumn.EXPECT_RULES && c != ScenarioColumn.EXPECT_EXPLANATION)
                .map(ScenarioColumn::header).toList();
    }

    /** The cells of the scenario, by column header, named so. */
    public static Map<String, String> cells(Decision decision, String name) {
        Map<ScenarioColumn, String> cells = new LinkedHashMap<>();
        ClientFacts facts = decision.facts();
        cells.put(ScenarioColumn.SCENARIO, name);
        cells.put(ScenarioColumn.NOTES, "decision " + decision.decisionId() + " of client " + decision.clientId() + ", rules "
                + decision.ruleVersion().substring(0, Math.min(12, decision.ruleVersion().length())));
        cells.put(ScenarioColumn.AS_OF, decision.asOf().toString());
        cells.put(ScenarioColumn.POTENTIAL, text(facts.potential()));
        cells.put(ScenarioColumn.ABC_CLASS, facts.abcClass().name());
        cells.put(ScenarioColumn.REVENUE_12M, facts.revenue12m().toPlainString());
        cells.put(ScenarioColumn.MARGIN_12M, facts.margin12m() == null ? NONE : facts.margin12m().toPlainString());
        cells.put(ScenarioColumn.MARGIN_PERCENT, facts.marginPercent() == null ? NONE : facts.marginPercent().toPlainString());
        cells.put(ScenarioColumn.MARGIN_CLASS, facts.marginClass() == null ? NONE : facts.marginClass().name());
        cells.put(ScenarioColumn.ORDERS_12M, String.valueOf(facts.orders12m()));
        cells.put(ScenarioColumn.DAYS_SINCE_LAST_ORDER, text(facts.daysSinceLastOrder()));
        cells.put(ScenarioColumn.DAYS_SINCE_FIRST_ORDER, facts.daysSinceLastOrder() == null ? "" : text(facts.daysSinceFirstOrder()));
        // the ratio follows from the median and the days since the last order: give the median only
        cells.put(ScenarioColumn.MEDIAN_ORDER_INTERVAL_DAYS, facts.daysSinceLastOrder() == null ? ""
                : facts.medianOrderIntervalDays() == null ? NONE : facts.medianOrderIntervalDays().toPlainString());
        cells.put(ScenarioColumn.SILENCE_RATIO, facts.daysSinceLastOrder() == null || facts.medianOrderIntervalDays() != null ? ""
                : facts.silenceRatio() == null ? NONE : facts.silenceRatio().toPlainString());
        cells.put(ScenarioColumn.LOSS_REASON, facts.lossReason() == null ? NONE : facts.lossReason());
        cells.put(ScenarioColumn.LATEST_EXPECTATION, facts.latestExpectation() == null ? NONE : facts.latestExpectation().toString());
        cells.put(ScenarioColumn.LATEST_EXPERIENCE, facts.latestExperience() == null ? NONE : facts.latestExperience().toString());
        cells.put(ScenarioColumn.COMPLAINTS_90D, String.valueOf(facts.complaints90d()));
        cells.put(ScenarioColumn.WORST_COMPLAINT_SEVERITY_90D, facts.worstComplaintSeverity90d() == null ? NONE
                : String.valueOf(facts.worstComplaintSeverity90d()));
        cells.put(ScenarioColumn.REFERRED_BY, facts.referredBy() == null ? NONE : facts.referredBy());
        cells.put(ScenarioColumn.REFERRALS_MADE_12M, String.valueOf(facts.referralsMade12m()));
        cells.put(ScenarioColumn.DAYS_SINCE_LAST_REFERRAL, facts.daysSinceLastReferral() == null ? NONE : text(facts.daysSinceLastReferral()));
        cells.put(ScenarioColumn.OVERDUE_AMOUNT, facts.overdueAmount() == null ? NONE : facts.overdueAmount().toPlainString());
        cells.put(ScenarioColumn.MAX_DAYS_LATE_12M, facts.maxDaysLate12m() == null ? NONE : text(facts.maxDaysLate12m()));
        cells.put(ScenarioColumn.CASH_COLLECTED_12M, facts.cashCollected12m() == null ? NONE : facts.cashCollected12m().toPlainString());
        cells.put(ScenarioColumn.PRODUCT_CATEGORIES_12M, facts.productCategories12m().isEmpty() ? NONE
                : String.join(" ", facts.productCategories12m()));
        cells.put(ScenarioColumn.CASH_CLASS, facts.cashClass() == null ? NONE : facts.cashClass().name());
        cells.put(ScenarioColumn.COMPLAINT_CATEGORIES_90D, facts.complaintCategories90d().isEmpty() ? NONE
                : String.join(" ", facts.complaintCategories90d()));
        cells.put(ScenarioColumn.DAYS_SINCE_ASSESSMENT, text(facts.daysSinceAssessment()));
        for (DimensionRating rating : facts.assessmentRatings()) {
            cells.put(ScenarioColumn.rating(rating.dimension(), true), String.valueOf(rating.risk()));
            cells.put(ScenarioColumn.rating(rating.dimension(), false), String.valueOf(rating.opportunity()));
        }
        cells.put(ScenarioColumn.COUNTRY, facts.country());
        cells.put(ScenarioColumn.SECTOR, facts.sector() == null ? NONE : facts.sector());
        cells.put(ScenarioColumn.COMPANY_TYPE, facts.companyType() == null ? NONE : facts.companyType());
        cells.put(ScenarioColumn.EMPLOYEES, text(facts.employees()));
        cells.put(ScenarioColumn.OPEN_NEEDS, String.valueOf(facts.openNeeds()));
        cells.put(ScenarioColumn.OLDEST_OPEN_NEED_DAYS, facts.oldestOpenNeedDays() == null ? "" : text(facts.oldestOpenNeedDays()));
        cells.put(ScenarioColumn.OPEN_NEED_CATEGORIES, facts.openNeedCategories().isEmpty() ? NONE
                : String.join(" ", facts.openNeedCategories()));
        PreviousDecision previous = decision.previousDecision();
        if (previous != null) {
            cells.put(ScenarioColumn.PREVIOUS_CLUSTER, text(previous.cluster()));
            cells.put(ScenarioColumn.PREVIOUS_LIFECYCLE, text(previous.lifecycle()));
            cells.put(ScenarioColumn.PREVIOUS_EXPERIENCE, text(previous.experienceSegment()));
            cells.put(ScenarioColumn.LAST_ACTIVE_CLUSTER, text(previous.lastActiveCluster()));
        }
        ServiceRequest request = decision.serviceRequest();
        if (request != null) {
            cells.put(ScenarioColumn.SERVICE, request.service());
            cells.put(ScenarioColumn.PAID, String.valueOf(request.paid()));
            cells.put(ScenarioColumn.DISCOUNT_PERCENT, request.discountPercent().toPlainString());
            cells.put(ScenarioColumn.FREE_SERVICES_GRANTED_12M, String.valueOf(request.freeServicesGranted12m()));
        }
        Outcome outcome = decision.outcome();
        cells.put(ScenarioColumn.EXPECT_CLUSTER, text(outcome.cluster()));
        cells.put(ScenarioColumn.EXPECT_LIFECYCLE, text(outcome.lifecycle()));
        cells.put(ScenarioColumn.EXPECT_EXPERIENCE, text(outcome.experienceSegment()));
        cells.put(ScenarioColumn.EXPECT_ACTIONS, outcome.actions().isEmpty() ? NONE
                : String.join(" ", outcome.actions().stream().map(ProposedAction::code).toList()));
        cells.put(ScenarioColumn.EXPECT_CATEGORIES, outcome.categories().isEmpty() ? NONE : String.join(" ", outcome.categories()));
        if (outcome.serviceAnswer() != null) {
            cells.put(ScenarioColumn.EXPECT_GRANTED, String.valueOf(outcome.serviceAnswer().granted()));
        }
        AssessmentResult assessment = outcome.assessment();
        cells.put(ScenarioColumn.EXPECT_RISK_BAND, assessment == null ? NONE : text(assessment.riskBand()));
        cells.put(ScenarioColumn.EXPECT_OPPORTUNITY_BAND, assessment == null ? NONE : text(assessment.opportunityBand()));
        cells.put(ScenarioColumn.EXPECT_POSITION, assessment == null || assessment.position() == null ? NONE : assessment.position());
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (String header : header()) {
            ScenarioColumn column = ScenarioColumn.of(header).orElseThrow();
            byHeader.put(header, Objects.requireNonNullElse(cells.get(column), ""));
        }
        return byHeader;
    }

    /** The scenario as one CSV line of {@value #FILE} (RFC 4180 quoting), without its line end. */
    public static String line(Decision decision, String name) {
        return csv(new ArrayList<>(cells(decision, name).values()));
    }

    /** The header line of {@value #FILE}. */
    public static String headerLine() {
        return csv(header());
    }

    private static String csv(List<String> values) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("").build())) {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? NONE : value.toString();
    }
}
