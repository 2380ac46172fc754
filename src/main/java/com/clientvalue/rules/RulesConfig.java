package com.clientvalue.rules;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param dir            the analysts' rules folder, read at startup (not the classpath)
 * @param publishOnStart publish the folder at startup when its content is a version never stored before
 * @param watch          development mode: republish the folder whenever a file in it changes
 */
@ConfigurationProperties("rules")
record RulesConfig(String dir, @Bindable(defaultValue = "true") boolean publishOnStart,
                   @Bindable(defaultValue = "false") boolean watch) {
}
