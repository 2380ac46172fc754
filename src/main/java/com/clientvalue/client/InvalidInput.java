package com.clientvalue.client;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.List;
import java.util.Map;

/**
 * A body whose fields contradict each other (a need closed without an outcome or before it was stated,
 * a client referring itself, a period that ends before it starts): 400 /problems/invalid-request naming the field, as a validation error does.
 */
public final class InvalidInput extends AbstractThrowableProblem {
    public InvalidInput(String field, String message) {
        super(Problems.type("invalid-request"), "Invalid request", Status.BAD_REQUEST, field + ": " + message, null, null,
                Map.of("field", field, "violations", List.of(Map.of("field", field, "message", message))));
    }
}
