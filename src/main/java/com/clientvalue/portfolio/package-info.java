/**
 * Portfolio analytics over decisions: summaries and matrices per segment, ABC/Pareto analysis,
 * concentration (Lorenz, Gini), indicators and CLV, budget allocation, action results, and
 * resegmentation jobs that decide every client through the decision path.
 */
package com.clientvalue.portfolio;
