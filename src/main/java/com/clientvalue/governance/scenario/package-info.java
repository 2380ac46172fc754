/**
 * Scenario tests written by analysts ({@code rules/tests/*.csv}): parsing givens and expectations,
 * and the check that runs them against a candidate before it may go live.
 */
package com.clientvalue.governance.scenario;
