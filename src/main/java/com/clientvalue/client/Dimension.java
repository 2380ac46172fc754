package com.clientvalue.client;

/** The five dimensions of the standard risk / opportunity assessment model (DOMAIN.md section 4). */
public enum Dimension {
    COMPETITION, SERVICE_LEVEL, KNOWLEDGE, PRODUCT, PEOPLE
}
