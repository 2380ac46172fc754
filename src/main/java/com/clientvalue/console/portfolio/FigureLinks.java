package com.clientvalue.console.portfolio;

import com.clientvalue.console.Ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The addresses of the client lists behind the portfolio's figures, and the words that name a figure
 * (for its link's screen-reader label and its list's title). A figure is named by pairs of a
 * dimension's query parameter and a value, as {@code GET /api/portfolio/clients} takes them.
 */
public final class FigureLinks {
    static final String LIST = "/console/portfolio/clients";

    private FigureLinks() {
    }

    /** The list of the clients behind the figure: parameter, value, parameter, value… */
    public static String list(LocalDate asOf, String... selection) {
        return LIST + "?" + query(asOf, pairs(selection));
    }

    /** "potential High, revenue Low": the figure in the page's language. */
    public static String describe(Ui ui, String... selection) {
        return describe(ui, pairs(selection));
    }

    public static String describe(Ui ui, Map<String, String> selection) {
        if (selection.isEmpty()) {
            return ui.t("portfolio.everyClient");
        }
        return selection.entrySet().stream().map(e -> ui.t("portfolio.axis." + e.getKey()) + " " + value(ui, e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String value(Ui ui, String parameter, String value) {
        if (parameter.equals("lossReason")) {
            return value.equals("UNKNOWN") ? ui.t("portfolio.reasonUnknown") : "“" + value + "”";
        }
        if (parameter.equals("abcClass")) {
            return value;
        }
        String text = ui.t("portfolio.value." + value);
        // a value no text names (a rule table's new band, say) is shown as the rules write it
        return text.startsWith("??") ? value : text;
    }

    static String query(LocalDate asOf, Map<String, String> selection) {
        StringBuilder query = new StringBuilder("asOf=").append(asOf);
        selection.forEach((parameter, value) -> query.append('&').append(parameter).append('=').append(encode(value)));
        return query.toString();
    }

    private static Map<String, String> pairs(String... selection) {
        if (selection.length % 2 != 0) {
            throw new IllegalArgumentException("a figure is named by parameter and value pairs");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < selection.length; i += 2) {
            pairs.put(selection[i], selection[i + 1]);
        }
        return pairs;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
