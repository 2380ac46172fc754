package com.clientvalue.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Drools compiler message in an analyst's words. Cells are checked before Drools sees a table,
 * so what still arrives here is mostly a DRL file's mistake or a column's code: the message keeps
 * the expression and the name at fault and drops Java class names and parser internals.
 */
final class CompilerMessage {
    private static final Pattern ANALYSE = Pattern.compile("Unable to Analyse Expression (.+?):\\s*\\[Error: (.+?)]");
    private static final Pattern NO_METHOD = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern NOT_RESOLVED = Pattern.compile("(\\w+) cannot be resolved(?: to a (?:variable|type)| or is not a field)?");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern SYNTAX = Pattern.compile("\\[ERR \\d+] Line \\d+:\\d+ (?:mismatched|extraneous|missing|no viable alternative at) input '([^']*)'");
    private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b(?:[a-z]\\w*\\.)+([A-Z]\\w*)");

    private CompilerMessage() {
    }

    static String explain(String text) {
        Matcher analyse = ANALYSE.matcher(text);
        if (analyse.find()) {
            Matcher noMethod = NO_METHOD.matcher(analyse.group(2));
            String why = noMethod.find()
                    ? "'" + noMethod.group(2) + "' is not a value or field of " + simpleName(noMethod.group(1))
                    + " (check its spelling and capitals)"
                    : plain(analyse.group(2));
            return "the condition '" + analyse.group(1).trim() + "' cannot be read: " + why;
        }
        Matcher objectType = OBJECT_TYPE.matcher(text);
        if (objectType.find()) {
            return "'" + objectType.group(1) + "' is not a fact the rules know: check its spelling and the Import line";
        }
        Matcher notResolved = NOT_RESOLVED.matcher(text);
        if (notResolved.find()) {
            return "'" + notResolved.group(1) + "' is not known here: check its spelling and capitals ("
                    + plain(text.replaceFirst("^Rule Compilation error\\s*", "")) + ")";
        }
        Matcher syntax = SYNTAX.matcher(text);
        if (syntax.find()) {
            return "unexpected '" + syntax.group(1) + "'";
        }
        return plain(text);
    }

    /** A parser error ([ERR 102] mismatched input...): the code is not DRL at all. */
    static boolean isSyntax(String text) {
        return text.contains("[ERR ");
    }

    /** The expression a message quotes, to find the rule it belongs to. */
    static Optional<String> expression(String text) {
        Matcher analyse = ANALYSE.matcher(text);
        return analyse.find() ? Optional.of(analyse.group(1).trim()) : Optional.empty();
    }

    /** Without the parser's "[Near : {...}]" excerpts, carets and package names. */
    private static String plain(String text) {
        String plain = text.replaceAll("\\[Near : \\{.*?}]", "").replace("^", "").replace("strict-mode", "")
                .replace("using :", ":");
        return PACKAGE_PREFIX.matcher(plain).replaceAll("$1").replaceAll("\\s+", " ").trim();
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }
}
