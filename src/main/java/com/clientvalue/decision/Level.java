package com.clientvalue.decision;

/** A level on one axis of the cluster matrix. */
public enum Level { HIGH, LOW }
