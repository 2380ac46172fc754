package com.clientvalue.console.portfolio;

import com.clientvalue.portfolio.PortfolioClients;

import java.util.Map;

/**
 * One page of the clients behind a figure, with the figure's selection (query parameter to value),
 * the number of pages and the addresses of its other pages and of its CSV.
 */
public record FigureList(PortfolioClients.Page page, int pages) {
    public Map<String, String> selection() {
        return page.selection();
    }

    public String query() {
        return FigureLinks.query(page.asOf(), page.selection());
    }

    public String csv() {
        return FigureLinks.LIST + ".csv?" + query();
    }

    /** The cluster when the figure is one cluster's clients (their lifetime values have a page of their own). */
    public String cluster() {
        String cluster = page.selection().get("cluster");
        return page.selection().size() == 1 && cluster != null && !cluster.equals("NONE") ? cluster : null;
    }
}
