/**
 * The console's Client screens: finding a client by id or name, and one client's page (facts as of a
 * date, the history of its audited decisions, the latest decision's actions with the rule rows that
 * proposed them, assessments, and "Decide now"). Owns only pages: facts, decisions, audit and
 * assessments come from the use cases the API calls, under the same roles.
 */
package com.clientvalue.console.client;
