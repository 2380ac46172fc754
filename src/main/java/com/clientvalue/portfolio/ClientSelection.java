package com.clientvalue.portfolio;

import com.clientvalue.client.ClientFacts;
import com.clientvalue.decision.Outcome;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clients behind one figure of the portfolio views: a value on each of some dimensions (a matrix
 * cell gives two, a segment one, a loss figure a reason and a lifecycle state; none selects every
 * client). A client is selected when it has every one of these values.
 */
public record ClientSelection(Map<PortfolioDimension, String> values) {
    static final int MAX_VALUE = 200;

    public ClientSelection {
        EnumMap<PortfolioDimension, String> copy = new EnumMap<>(PortfolioDimension.class);
        values.forEach((dimension, value) -> {
            if (value == null || value.isBlank() || value.length() > MAX_VALUE) {
                throw new IllegalArgumentException(dimension.parameter() + ": a value of 1 to " + MAX_VALUE + " characters");
            }
            copy.put(dimension, value);
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static ClientSelection of(PortfolioDimension dimension, String value) {
        return new ClientSelection(Map.of(dimension, value));
    }

    public static ClientSelection of(PortfolioDimension first, String firstValue, PortfolioDimension second, String secondValue) {
        return new ClientSelection(Map.of(first, firstValue, second, secondValue));
    }

    public boolean selects(ClientFacts facts, Outcome outcome) {
        for (Map.Entry<PortfolioDimension, String> wanted : values.entrySet()) {
            if (!wanted.getValue().equals(wanted.getKey().of(facts, outcome))) {
                return false;
            }
        }
        return true;
    }

    /** The selection as query parameters (parameter name to value), in the dimensions' order. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        values.forEach((dimension, value) -> parameters.put(dimension.parameter(), value));
        return parameters;
    }
}
