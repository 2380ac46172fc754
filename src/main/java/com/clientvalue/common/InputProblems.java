package com.clientvalue.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A value that could not be read (a query parameter that is not a date, a JSON member of the wrong
 * type, a body that is not JSON) as a 400 problem that names the field or parameter and says, in
 * words, what it accepts: /problems/invalid-request with field, expected and the same violations list
 * as a failed validation, so that a client handles both alike. Never a Java type name.
 */
final class InputProblems {
    static final String AMOUNT = "a number in plain digits with a point for decimals, such as 1000 or 1000.50 (no exponent, no thousands separator)";
    private static final Pattern EXPECTED_GOT = Pattern.compile("expected (.+?), got (.+?)(?:\\s+at \\[Source.*)?$", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[\\w.<>,? ]+ )?(\\w+)\\]");
    private static final Pattern JAVA_NAME = Pattern.compile("`[^`]*`|\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$.]*|\\bclass [A-Z]\\w*");

    private InputProblems() {
    }

    static Map<String, Object> body(String field, String expected, String got) {
        String message = "expected " + expected + (got == null ? "" : ", got " + got);
        Map<String, Object> body = Problems.body("invalid-request", "Invalid request", 400, field + ": " + message);
        body.put("field", field);
        body.put("expected", expected);
        body.put("violations", List.of(Map.of("field", field, "message", message)));
        return body;
    }

    /** A query, path or header value that does not convert to its parameter's type. */
    static Map<String, Object> parameter(String name, Argument<?> type, Object value) {
        return body(name, expected(type), value == null ? null : "'" + abbreviate(String.valueOf(value)) + "'");
    }

    /** A body that could not be read: the member at fault (from the serde path or the parser), what it takes and what came. */
    static Map<String, Object> jsonBody(Throwable error) {
        SerdeException serde = find(error, SerdeException.class);
        JsonProcessingException syntax = find(error, JsonProcessingException.class);
        String field = serde == null ? null : path(serde);
        if (field == null) {
            field = serde == null ? null : fromMessage(serde.getMessage());
        }
        if (field == null && syntax != null && syntax.getProcessor() instanceof JsonParser parser) {
            field = currentName(parser);
        }
        String message = serde != null ? serde.getMessage() : syntax != null ? syntax.getOriginalMessage() : error.getMessage();
        Matcher strict = EXPECTED_GOT.matcher(message == null ? "" : message);
        if (field != null && strict.find()) {
            return body(field, strict.group(1).trim(), strict.group(2).trim());
        }
        if (syntax != null && serde == null) {
            return notJson(syntax, field);
        }
        if (field != null) {
            Argument<?> member = memberType(serde);
            return body(field, member == null ? "a value of the documented form" : expected(member), null);
        }
        return notJson(syntax, null);
    }

    private static Map<String, Object> notJson(JsonProcessingException syntax, String field) {
        String where = syntax == null || syntax.getLocation() == null ? ""
                : " (line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr() + ")";
        String why = syntax == null ? "it cannot be read" : words(syntax.getOriginalMessage());
        String name = field == null ? "body" : field;
        Map<String, Object> body = body(name, "a JSON object as documented for this endpoint", null);
        body.put("detail", (field == null ? "the body" : "the body, at " + field + ",") + " is not valid JSON" + where + ": " + why
                + "; send a JSON object as documented for this endpoint");
        if (syntax != null && syntax.getLocation() != null) {
            body.put("line", syntax.getLocation().getLineNr());
            body.put("column", syntax.getLocation().getColumnNr());
        }
        return body;
    }

    /** What a value of this type looks like, in words. */
    static String expected(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date in the form YYYY-MM-DD, from 1900-01-01 to 2999-12-31";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a UTC time such as 2011-12-10T10:15:30Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return AMOUNT;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "an id such as 0190c5e2-8d4f-7a3b-9c1d-2e3f4a5b6c7d";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** Removes what only a Java programmer would read (type names, parser positions) from a message. */
    static String words(String message) {
        if (message == null) {
            return "";
        }
        String text = message.replaceAll("\\s*at \\[Source:.*", "").replace("\n", " ").trim();
        return JAVA_NAME.matcher(text).replaceAll("a value");
    }

    private static String path(SerdeException serde) {
        List<ReferencePath> path = serde.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        // the path runs from the failing value out to the body: read it the other way round
        List<ReferencePath> outward = new java.util.ArrayList<>(path);
        java.util.Collections.reverse(outward);
        StringBuilder name = new StringBuilder();
        for (ReferencePath node : outward) {
            if (node instanceof PropertyReferencePath property) {
                name.append(name.isEmpty() ? "" : ".").append(property.property().getName());
            } else if (node instanceof CollectionItemReferencePath item) {
                name.append('[').append(item.index()).append(']');
            } else if (node instanceof MapItemReferencePath entry) {
                name.append(name.isEmpty() ? "" : ".").append(entry.key());
            }
        }
        return name.isEmpty() ? null : name.toString();
    }

    private static Argument<?> memberType(SerdeException serde) {
        if (serde != null && serde.getPath() != null && !serde.getPath().isEmpty()) {
            return serde.getPath().get(0).getArgument();
        }
        return null;
    }

    private static String fromMessage(String message) {
        Matcher property = PROPERTY.matcher(message == null ? "" : message);
        return property.find() ? property.group(1) : null;
    }

    private static String currentName(JsonParser parser) {
        try {
            return parser.getParsingContext() == null ? null : parser.getParsingContext().getCurrentName();
        } catch (RuntimeException unavailable) {
            return null;
        }
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
