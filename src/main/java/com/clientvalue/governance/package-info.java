/**
 * What protects the rules in production: scenario tests, policy invariants, impact previews,
 * shadow runs and replays, each in its own sub-package. Governance reuses the decision path
 * (evaluator, inputs) and never writes a decision.
 */
package com.clientvalue.governance;
