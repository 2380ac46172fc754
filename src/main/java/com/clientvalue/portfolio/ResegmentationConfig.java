package com.clientvalue.portfolio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * When every client is decided again without anyone asking: {@code schedule}, a cron expression
 * (seconds first, e.g. {@code 0 30 2 * * *} for 02:30 every night, server time; empty: never), and
 * {@code afterImport}, how long after the last import that changed facts (empty or 0: never; each new
 * import within that time moves the run later, so a batch of imports gives one run).
 */
@ConfigurationProperties("resegmentation")
record ResegmentationConfig(@Nullable String schedule, @Nullable Duration afterImport) {
}
