package com.clientvalue.common;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON scalars as JSON means them: the default decoder would take ["A"] for "A", "maybe" for
 * false and 2.5 for 2. A CRM that sends such values has a bug we must not hide, so text, boolean
 * and whole-number fields accept only their own JSON type (400 naming the field otherwise).
 */
@Factory
class StrictJson {

    @Singleton
    @Order(-1000)
    Deserializer<String> text() {
        return new Strict<>("a text", node -> node.isString() ? node.getStringValue() : null);
    }

    @Singleton
    @Order(-1000)
    Deserializer<Boolean> bool() {
        return new Strict<>("true or false", node -> node.isBoolean() ? node.getBooleanValue() : null);
    }

    @Singleton
    @Order(-1000)
    Deserializer<Integer> whole() {
        return new Strict<>("a whole number", node -> {
            if (!node.isNumber()) {
                return null;
            }
            Number number = node.getNumberValue();
            java.math.BigDecimal exact = new java.math.BigDecimal(number.toString());
            try {
                return exact.intValueExact();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        });
    }

    private record Strict<T>(String expected, java.util.function.Function<JsonNode, T> read) implements Deserializer<T> {
        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            T value = read.apply(node);
            if (value == null) {
                throw decoder.createDeserializationException("expected " + expected + ", got " + describe(node), node);
            }
            return value;
        }

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            if (decoder.decodeNull()) {
                return null;
            }
            return deserialize(decoder, context, type);
        }

        private static String describe(JsonNode node) {
            return node.isArray() ? "a list" : node.isObject() ? "an object" : node.isString() ? "the text '" + abbreviate(node.getStringValue()) + "'"
                    : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : "the number " + node.getNumberValue();
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "...";
        }
    }
}
