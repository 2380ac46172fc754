/**
 * Policy invariants (e.g. a marginal client never gets a free service): the check that evaluates a
 * candidate on generated boundary clients and on the stored portfolio and reports every breach,
 * dead row, gap and overlap.
 */
package com.clientvalue.governance.invariant;
