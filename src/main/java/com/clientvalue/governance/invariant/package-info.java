/**
 * Policy invariants (e.g. a marginal client never gets a free service): the check that evaluates a
 * candidate on generated boundary clients and on the stored portfolio and reports every breach,
 * dead row, gap and overlap; and the invariants themselves, stored and versioned apart from the rule
 * versions they guard, changed only by COMPLIANCE after a check against the active rules.
 */
package com.clientvalue.governance.invariant;
