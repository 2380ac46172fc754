package com.clientvalue;

import java.nio.charset.StandardCharsets;

/** Edits an analyst makes to the real rules, shared by the rule tests and the HTTP tests. */
public final class AnalystEdits {
    /**
     * A valid new table whose rows read the country, the sector and the order rhythm: facts no
     * other table compares, so only boundary inputs made from this table's own cells reach them.
     */
    public static final String LOCAL_FOCUS_PATH = "portfolio/local-focus.csv";
    public static final byte[] LOCAL_FOCUS = """
            RuleSet,portfolio
            Import,\"com.clientvalue.client.ClientFacts, com.clientvalue.decision.*\"
            Notes,Where and how often a client buys.
            ,
            RuleTable Local focus
            METADATA,NAME,CONDITION,CONDITION,CONDITION,ACTION
            ,,c: ClientFacts...,c: ClientFacts...,c: ClientFacts...,
            \"ruleId(\"\"$param\"\")\",,\"country == \"\"$param\"\"\",\"sector == \"\"$param\"\"\",medianOrderIntervalDays <= $param,\"insert(new CategoryTag(\"\"$param\"\"));\"
            Rule id,What the rule says,Country,Sector,Orders at most every (days),Category
            LOC-FRANCE,A client in France is served by the Paris office,France,,,PARIS_OFFICE
            LOC-RETAIL-FRANCE,A French retailer is a retail account,France,Retail,,RETAIL_ACCOUNT
            LOC-WEEKLY,A client ordering at least weekly is a frequent buyer,,,7,FREQUENT_BUYER
            """.getBytes(StandardCharsets.UTF_8);

    private AnalystEdits() {
    }
}
