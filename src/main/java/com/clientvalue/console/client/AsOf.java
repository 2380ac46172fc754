package com.clientvalue.console.client;

import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The date a page is as of (the Client and Portfolio screens), from its date picker: today (UTC) when none is given; a date the picker
 * cannot have sent is reported, not guessed.
 */
public record AsOf(LocalDate date, @Nullable String refused) {
    public static AsOf of(@Nullable String typed, Clock clock) {
        if (typed == null || typed.isBlank()) {
            return new AsOf(LocalDate.now(clock), null);
        }
        try {
            return new AsOf(LocalDate.parse(typed.strip()), null);
        } catch (DateTimeParseException e) {
            return new AsOf(LocalDate.now(clock), typed.length() > 40 ? typed.substring(0, 40) : typed);
        }
    }
}
