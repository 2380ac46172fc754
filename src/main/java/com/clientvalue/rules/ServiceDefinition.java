package com.clientvalue.rules;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A service code of vocabulary/services.csv. category EXCEPTION marks what is an exception even
 * when paid (a priority lane, express delivery); STANDARD services are exceptions only when unpaid.
 */
@Serdeable
public record ServiceDefinition(String code, String description, String category) {
}
