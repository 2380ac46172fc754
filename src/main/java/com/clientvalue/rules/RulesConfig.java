package com.clientvalue.rules;

import io.micronaut.context.annotation.ConfigurationProperties;

/** @param dir the analysts' rules folder, read at startup (not the classpath) */
@ConfigurationProperties("rules")
record RulesConfig(String dir) {
}
