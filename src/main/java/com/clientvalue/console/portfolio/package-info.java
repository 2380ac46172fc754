/**
 * The console's Portfolio screen: the matrices (potential × revenue as a heat map, expectation ×
 * experience, risk × opportunity), lifecycle and loss reasons, the ABC pyramid, the Lorenz curve,
 * the budget split and action results, as of a date, with the CSV downloads and client lists behind
 * every figure. Owns only pages and their drawing: every figure comes from the portfolio use cases the
 * API calls ({@code com.clientvalue.portfolio}), under the same roles.
 */
package com.clientvalue.console.portfolio;
