package com.clientvalue.console.rules;

import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** An outcome of a shadow difference in one line: cluster, lifecycle, experience, service answer, actions. */
public final class ShadowOutcome {
    private ShadowOutcome() {
    }

    public static String of(JsonNode outcome) {
        if (outcome == null || !outcome.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("cluster", "lifecycle", "experienceSegment")) {
            JsonNode value = outcome.get(field);
            if (value != null && value.isString()) {
                parts.add(value.getStringValue());
            }
        }
        JsonNode answer = outcome.get("serviceAnswer");
        if (answer != null && answer.isObject() && answer.get("granted") != null) {
            parts.add(answer.get("granted").getBooleanValue() ? "granted" : "refused");
        }
        JsonNode actions = outcome.get("actions");
        if (actions != null && actions.isArray()) {
            List<String> codes = new ArrayList<>();
            for (JsonNode action : actions.values()) {
                JsonNode code = action.get("code");
                if (code != null && code.isString()) {
                    codes.add(code.getStringValue());
                }
            }
            if (!codes.isEmpty()) {
                parts.add(String.join(" ", codes));
            }
        }
        return String.join(" · ", parts);
    }
}
