/**
 * The audit: every decision as it was answered, hash-chained; searches, verification, archiving
 * and retention; the transition feed CRM systems poll; and the admin log of changes to the
 * service itself (publications, imports, tokens).
 */
package com.clientvalue.audit;
