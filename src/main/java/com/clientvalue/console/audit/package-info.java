/**
 * The console's audit screens, for auditors: the decision search, one decision with its facts,
 * outcome, reasons and fired rules, each fired rule shown in its row of the decision table of the
 * version that decided (read from the stored version's files, never the current folder), a replay
 * under another stored version, the chain verification and the admin log (ADMIN or AUDITOR).
 * Owns pages only: every screen calls the same use cases as the audit and governance API.
 */
package com.clientvalue.console.audit;
