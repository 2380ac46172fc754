package com.clientvalue.security;

import java.util.List;

/**
 * The roles a token may carry. CRM: decisions, imports, client data. ANALYST: rules (validate,
 * impact, publish, shadow) and portfolio analyses. AUDITOR: the audit (read, replay, verify).
 * COMPLIANCE: the policy invariants every rule version must keep (the guard is not in the hands of
 * those it guards). ADMIN: tokens and rollbacks. MONITORING: metrics only (/metrics, /prometheus),
 * for a scraper's token.
 */
public final class Roles {
    public static final String CRM = "CRM";
    public static final String ANALYST = "ANALYST";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";
    public static final String COMPLIANCE = "COMPLIANCE";
    public static final String MONITORING = "MONITORING";
    public static final List<String> ALL = List.of(CRM, ANALYST, AUDITOR, ADMIN, COMPLIANCE, MONITORING);

    private Roles() {
    }
}
