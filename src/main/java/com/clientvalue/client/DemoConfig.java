package com.clientvalue.client;

import io.micronaut.context.annotation.ConfigurationProperties;

/** @param enabled load the bundled demo portfolio when the database has no client (env DEMO_ENABLED) */
@ConfigurationProperties("demo")
record DemoConfig(boolean enabled) {
}
