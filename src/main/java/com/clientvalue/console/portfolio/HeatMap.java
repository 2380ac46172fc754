package com.clientvalue.console.portfolio;

import com.clientvalue.portfolio.PortfolioMatrix;

import java.util.List;

/**
 * A matrix of the portfolio as a table to draw: its cells by row and column, each with a heat from 0
 * (no client) to 5 (the most clients of any cell), so that colour follows the count.
 */
public record HeatMap(PortfolioMatrix matrix, long maxClients) {
    static HeatMap of(PortfolioMatrix matrix) {
        return new HeatMap(matrix, matrix.cells().stream().mapToLong(PortfolioMatrix.Cell::clients).max().orElse(0));
    }

    public String name() {
        return matrix.name();
    }

    public List<String> rows() {
        return matrix.rowValues();
    }

    public List<String> columns() {
        return matrix.columnValues();
    }

    public PortfolioMatrix.Cell cell(String row, String column) {
        return matrix.cells().stream().filter(c -> c.row().equals(row) && c.column().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell " + row + "/" + column + " in " + matrix.name()));
    }

    /** 0 for an empty cell, else 1 to 5 in proportion to the fullest cell. */
    public int heat(PortfolioMatrix.Cell cell) {
        if (cell.clients() == 0 || maxClients == 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round(5.0 * cell.clients() / maxClients));
    }
}
