/** Shadow runs: a candidate evaluated next to the active version on every stored decision, and the report of their differences. */
package com.clientvalue.governance.shadow;
