package com.clientvalue.decision;

/** A rule's answer to a service request. One REFUSED is enough to refuse. */
public enum Verdict { GRANTED, REFUSED }
