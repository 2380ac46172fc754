package com.clientvalue.console.audit;

import com.clientvalue.audit.AuditTrail;
import com.clientvalue.audit.DecisionNotAudited;
import com.clientvalue.console.Ui;
import com.clientvalue.decision.Decision;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads audited decision documents, exactly as stored, for the pages: typed, and as labelled fields. */
@Singleton
class DecisionDocuments {
    private final AuditTrail audit;
    private final JsonMapper json;

    DecisionDocuments(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** A stored decision: its typed document and its document as a tree of maps, in stored order. */
    record Stored(Decision decision, Map<String, Object> tree) {
        @SuppressWarnings("unchecked")
        Map<String, Object> section(String name) {
            Object section = tree.get(name);
            return section instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }

    Stored read(String decisionId) {
        String document = audit.document(decisionId).orElseThrow(() -> new DecisionNotAudited(decisionId));
        try {
            return new Stored(json.readValue(document, Decision.class), json.readValue(document, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object's fields, labelled with the audit bundle's {@code audit.field.NAME} text (its name when there is none). */
    static List<Field> fields(Ui ui, Map<String, Object> object) {
        List<Field> fields = new ArrayList<>();
        object.forEach((name, value) -> fields.add(new Field(name, label(ui, name), AuditText.value(ui, value))));
        return fields;
    }

    static String label(Ui ui, String name) {
        String label = ui.t("audit.field." + name);
        return label.startsWith("??") ? name : label;
    }

    /** A record as the document would hold it: a tree of maps. */
    Map<String, Object> tree(Object value) {
        try {
            return json.readValue(json.writeValueAsString(value), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
