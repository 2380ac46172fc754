package com.clientvalue.decision;

/** Outcome fact: the client's cell on the risk / opportunity / volume matrix, named by the table (e.g. DEFEND). */
public record MatrixPosition(String position) {
}
