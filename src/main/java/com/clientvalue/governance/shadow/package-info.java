/**
 * Shadow runs: a checked candidate evaluated next to the active version on every stored decision,
 * and the report of their differences, kept with the run after it ends. A shadow candidate is never
 * a published rule version.
 */
package com.clientvalue.governance.shadow;
