/**
 * The Scenarios screen: the analysts' test scenarios (rules/tests) of the active rule version, area
 * by area, each row with its result, run by the same check that guards every publication.
 */
package com.clientvalue.console.scenarios;
