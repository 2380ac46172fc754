/**
 * The client-decisions service: the application entry point and the command-line validator
 * ({@code validate-rules}). Every feature lives in a sub-package that says what it owns:
 * {@code client} (facts, imports), {@code rules} (load, compile, version, publish),
 * {@code decision} (evaluate, decision API), {@code governance} (scenarios, invariants, impact,
 * shadow, replay), {@code audit}, {@code portfolio}, {@code security} and {@code common}.
 * {@code ArchitectureTest} keeps them apart and free of cycles.
 */
package com.clientvalue;
