/**
 * The console's Rules screens, for analysts and those who read the rules: the active version's
 * tables as grids, an analyst's drafts (kept in MariaDB per person, never live), their validation,
 * impact preview and publication, the published versions with a table-aware diff, and rollback for
 * ADMIN. A draft is turned into the same candidate files an uploaded zip gives and goes through the
 * same use cases as the API ({@code RulePublisher.validate/publish/activate}, {@code ImpactPreview}):
 * the console has no path of its own that skips a check.
 */
package com.clientvalue.console.rules;
