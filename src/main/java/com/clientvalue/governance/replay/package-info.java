/** Replay: a past decision's stored inputs evaluated again under another rule version. */
package com.clientvalue.governance.replay;
