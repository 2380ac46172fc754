/**
 * The analysts' rules: loading the {@code rules/} folder and candidate zips, checking table
 * layouts, compiling them to an immutable {@link com.clientvalue.rules.RuleBase}, storing versions,
 * publishing and activating them through the checks every {@link com.clientvalue.rules.RuleSetCheck}
 * provides, and the vocabularies (services, actions). It knows nothing of what the checks are.
 */
package com.clientvalue.rules;
