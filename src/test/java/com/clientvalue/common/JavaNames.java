package com.clientvalue.common;

import java.util.regex.Pattern;

/** Whether an answer shows what only the code should know: Java packages, class names, framework messages. */
final class JavaNames {
    private static final Pattern JAVA = Pattern.compile("\\b(?:java|javax|jakarta|sun)\\.[a-z]+\\.|\\bio\\.micronaut\\b|\\bcom\\.clientvalue\\b"
            + "|\\bcom\\.fasterxml\\b|\\borg\\.(?:mariadb|drools|kie|apache|flywaydb|zalando)\\b|\\w+(?:Exception|Error)\\b"
            + "|No enum constant|Cannot deserialize|Failed to convert|\\[Source:|\\bclass [A-Z]\\w*|`[\\w.]+`");

    private JavaNames() {
    }

    static boolean in(String text) {
        return JAVA.matcher(text).find();
    }
}
