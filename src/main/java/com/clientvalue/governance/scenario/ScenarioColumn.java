package com.clientvalue.governance.scenario;

import com.clientvalue.client.Dimension;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns an analyst may use in rules/tests/*.csv. Given columns are named like the facts in
 * rules/README.md, so a scenario reads like the tables it checks; expectations start with "expect".
 */
enum ScenarioColumn {
    SCENARIO("scenario"),
    NOTES("notes"),
    AS_OF("asOf"),
    POTENTIAL("potential"),
    ABC_CLASS("abcClass"),
    REVENUE_12M("revenue12m"),
    MARGIN_12M("margin12m"),
    MARGIN_PERCENT("marginPercent"),
    MARGIN_CLASS("marginClass"),
    OPEN_NEEDS("openNeeds"),
    OLDEST_OPEN_NEED_DAYS("oldestOpenNeedDays"),
    OPEN_NEED_CATEGORIES("openNeedCategories"),
    ORDERS_12M("orders12m"),
    DAYS_SINCE_LAST_ORDER("daysSinceLastOrder"),
    DAYS_SINCE_FIRST_ORDER("daysSinceFirstOrder"),
    MEDIAN_ORDER_INTERVAL_DAYS("medianOrderIntervalDays"),
    SILENCE_RATIO("silenceRatio"),
    LOSS_REASON("lossReason"),
    LATEST_EXPECTATION("latestExpectation"),
    LATEST_EXPERIENCE("latestExperience"),
    COMPLAINTS_90D("complaints90d"),
    WORST_COMPLAINT_SEVERITY_90D("worstComplaintSeverity90d"),
    COMPLAINT_CATEGORIES_90D("complaintCategories90d"),
    REFERRED_BY("referredBy"),
    REFERRALS_MADE_12M("referralsMade12m"),
    DAYS_SINCE_LAST_REFERRAL("daysSinceLastReferral"),
    OVERDUE_AMOUNT("overdueAmount"),
    MAX_DAYS_LATE_12M("maxDaysLate12m"),
    CASH_COLLECTED_12M("cashCollected12m"),
    CASH_CLASS("cashClass"),
    PRODUCT_CATEGORIES_12M("productCategories12m"),
    DAYS_SINCE_ASSESSMENT("daysSinceAssessment"),
    COMPETITION_RISK("competitionRisk"),
    COMPETITION_OPPORTUNITY("competitionOpportunity"),
    SERVICE_LEVEL_RISK("serviceLevelRisk"),
    SERVICE_LEVEL_OPPORTUNITY("serviceLevelOpportunity"),
    KNOWLEDGE_RISK("knowledgeRisk"),
    KNOWLEDGE_OPPORTUNITY("knowledgeOpportunity"),
    PRODUCT_RISK("productRisk"),
    PRODUCT_OPPORTUNITY("productOpportunity"),
    PEOPLE_RISK("peopleRisk"),
    PEOPLE_OPPORTUNITY("peopleOpportunity"),
    COUNTRY("country"),
    SECTOR("sector"),
    COMPANY_TYPE("companyType"),
    EMPLOYEES("employees"),
    PREVIOUS_CLUSTER("previousCluster"),
    PREVIOUS_LIFECYCLE("previousLifecycle"),
    PREVIOUS_EXPERIENCE("previousExperience"),
    LAST_ACTIVE_CLUSTER("lastActiveCluster"),
    SERVICE("service"),
    PAID("paid"),
    DISCOUNT_PERCENT("discountPercent"),
    FREE_SERVICES_GRANTED_12M("freeServicesGranted12m"),
    EXPECT_CLUSTER("expect cluster"),
    EXPECT_LIFECYCLE("expect lifecycle"),
    EXPECT_EXPERIENCE("expect experience"),
    EXPECT_ACTIONS("expect actions"),
    EXPECT_CATEGORIES("expect categories"),
    EXPECT_GRANTED("expect granted"),
    EXPECT_RISK_BAND("expect risk band"),
    EXPECT_OPPORTUNITY_BAND("expect opportunity band"),
    EXPECT_POSITION("expect position"),
    EXPECT_EXPLANATION("expect explanation"),
    EXPECT_RULES("expect rules");

    private final String header;

    ScenarioColumn(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    /** The column of a dimension's risk rating (opportunity: false) in the latest assessment. */
    static ScenarioColumn rating(Dimension dimension, boolean risk) {
        return valueOf(dimension.name() + (risk ? "_RISK" : "_OPPORTUNITY"));
    }

    boolean isExpectation() {
        return header.startsWith("expect ");
    }

    /** Spreadsheets change capitals and spacing; neither should make a column unknown. */
    static Optional<ScenarioColumn> of(String header) {
        String wanted = normalize(header);
        return Arrays.stream(values()).filter(c -> normalize(c.header).equals(wanted)).findFirst();
    }

    static String allowed() {
        return Arrays.stream(values()).map(ScenarioColumn::header).collect(Collectors.joining(", "));
    }

    /** The column a typing slip most likely meant: at most two letters off. */
    static Optional<ScenarioColumn> closest(String header) {
        String typed = normalize(header);
        return Arrays.stream(values())
                .filter(c -> distance(normalize(c.header), typed) <= 2)
                .min((a, b) -> distance(normalize(a.header), typed) - distance(normalize(b.header), typed));
    }

    private static String normalize(String header) {
        return header.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
