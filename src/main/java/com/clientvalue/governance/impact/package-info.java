/** Impact preview: what a candidate rule set would change over the whole stored portfolio, without deciding anything. */
package com.clientvalue.governance.impact;
