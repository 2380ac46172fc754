/**
 * The one decision path: facts as of a date and the previous decision in, one rule version,
 * outcome and fired rules out, audited (group commit) before the answer; the decision API for
 * one client, a batch and service requests; the service limits and transitions. Also the fact and
 * outcome types the rule tables import, which stored rule versions must keep compiling against.
 * Never depends on governance.
 */
package com.clientvalue.decision;
