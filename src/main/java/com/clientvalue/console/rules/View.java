package com.clientvalue.console.rules;

import com.clientvalue.console.Ui;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** A Rules template with its two parameters: the page's {@code ui} and its {@code page} record. */
final class View {
    private View() {
    }

    static ModelAndView<Map<String, Object>> of(String template, Ui ui, Object page) {
        return new ModelAndView<>(template, Map.of("ui", ui, "page", page));
    }
}
