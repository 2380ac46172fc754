package com.clientvalue.decision;

/** Potential × realised revenue: the four ways a client is treated (see DOMAIN.md). */
public enum Cluster { KEY, DEVELOP, MAINTAIN, MARGINAL }
