package com.clientvalue.client;

/** The roles of a key client's assessment team (DOMAIN.md section 4). */
public enum TeamRole { KEY_ACCOUNT, AREA_MANAGER, CUSTOMER_SERVICE }
