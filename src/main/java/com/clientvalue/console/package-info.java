/**
 * The web console: server-rendered pages (JTE templates under {@code src/main/resources/views}, htmx
 * for partial updates) for analysts, auditors and managers. Owns sign-in and sign-out, the pages,
 * their messages in English and Italian (the {@code i18n/} bundles) and nothing else: every page is a
 * client of the same use cases as the API (decisions, rules, governance, audit, portfolio), under the
 * same roles, so the console has no second path to any of them.
 */
package com.clientvalue.console;
