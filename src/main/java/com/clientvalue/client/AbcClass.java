package com.clientvalue.client;

/** Pareto class of a client's 12-month revenue within the whole portfolio. */
public enum AbcClass { A, B, C }
