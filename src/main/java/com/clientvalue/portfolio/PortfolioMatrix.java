package com.clientvalue.portfolio;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * One matrix view of the portfolio: every (row, column) cell with its client count and the sums of
 * their revenue12m and margin12m (a client without an imported margin adds 0), all cells listed (zeros included) in row then column order. "NONE" is the row
 * or column of clients without a value (no survey, no assessment, no level decided).
 */
@Serdeable
@Schema(description = "Clients, revenue12m and margin12m per cell of a two-way view; NONE holds clients without a value")
public record PortfolioMatrix(String name, String rows, String columns, List<String> rowValues, List<String> columnValues,
                              List<Cell> cells) {

    @Serdeable
    public record Cell(String row, String column, long clients, BigDecimal revenue12m,
                       @Schema(description = "sum of the cell's clients' margin12m; clients without an imported margin add 0")
                       BigDecimal margin12m) {
    }
}
