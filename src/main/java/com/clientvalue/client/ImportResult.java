package com.clientvalue.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import wrote, all in one transaction.
 *
 * @param rows    data lines read
 * @param clients distinct clients touched
 * @param orders  distinct orders written (order imports only)
 */
@Serdeable
public record ImportResult(long rows, long clients, @Nullable Long orders) {
}
