package com.clientvalue.client;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.LinkedHashMap;
import java.util.Map;

/** A CSV import refused because of one bad line; nothing of the request was written. */
public final class ImportRejected extends AbstractThrowableProblem {
    private final long line;

    ImportRejected(long line, String column, String message) {
        super(Problems.type("import-rejected"), "Import rejected", Status.BAD_REQUEST,
                "line " + line + (column == null ? "" : ", column " + column) + ": " + message + ". Nothing was imported.",
                null, null, parameters(line, column));
        this.line = line;
    }

    long line() {
        return line;
    }

    private static Map<String, Object> parameters(long line, String column) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("line", line);
        if (column != null) {
            parameters.put("column", column);
        }
        return parameters;
    }
}
