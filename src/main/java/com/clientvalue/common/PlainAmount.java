package com.clientvalue.common;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * An amount in a request body, written in plain digits (1000 or 1000.50): put it on the member with
 * {@code @Serdeable.Deserializable(using = PlainAmount.class)}. Exponent notation (1e3) is refused, as
 * in the CSV imports, because a spreadsheet writes it when it has rounded the number (1.23457E+11)
 * and because the limits on amounts count the digits written. A text of plain digits ("1000.50") is
 * read as that number. Only request members carry it: stored documents are read with the default.
 */
@Singleton
public final class PlainAmount implements Deserializer<BigDecimal> {

    @Override
    public BigDecimal deserialize(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type) throws IOException {
        String text;
        try {
            // a number token's own text: nothing is lost to a double on the way
            text = decoder.decodeString();
        } catch (IOException notAScalar) {
            throw decoder.createDeserializationException("expected " + InputProblems.AMOUNT + ", got a list or an object", null);
        }
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            throw decoder.createDeserializationException("expected " + InputProblems.AMOUNT + ", got "
                    + InputProblems.abbreviate(text) + " in exponent notation", text);
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            throw decoder.createDeserializationException("expected " + InputProblems.AMOUNT + ", got '"
                    + InputProblems.abbreviate(text) + "'", text);
        }
    }

    @Override
    public BigDecimal deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type) throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
