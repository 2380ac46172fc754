package com.clientvalue.security;

import io.micronaut.core.annotation.Nullable;

/**
 * A token was created or revoked. Published synchronously inside the change's transaction, so the
 * admin log that listens (in the audit feature) is written with it or not at all.
 */
public record TokenChanged(String actor, String action, String name, @Nullable String detail) {
}
