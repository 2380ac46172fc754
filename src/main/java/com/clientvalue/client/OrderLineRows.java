package com.clientvalue.client;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The order lines of an import CSV as rows of the staging table, produced while the driver sends
 * them to MariaDB ({@code LOAD DATA LOCAL INFILE}: tab-separated, backslash escapes, {@code \N} for
 * NULL). Every line is validated here, so a problem names its line and column.
 *
 * <p>The first bad line ends the rows and is kept in {@link #rejection()}: the driver must see a
 * normal end of data, or the connection is left in the middle of the transfer.
 *
 * <p>Adjacent lines with the same order, client and date form a run, named by the file line it
 * starts on. A line's position in its run is its line number in the order (unless the order has
 * several runs: fixed up later). The last line of each run also carries the run's client, date,
 * line count and sums, so that the orders are summed over runs instead of lines.
 */
final class OrderLineRows extends InputStream {
    private static final int BATCH_CHARS = 64 * 1024;
    private static final String NOT_LAST = "\t\\N\t\\N\t\\N\t\\N\t\\N\n";

    private final CsvRows csv;
    private final boolean hasMargin;
    private final boolean hasCategory;
    private final StringBuilder text = new StringBuilder(BATCH_CHARS + 1024);
    private byte[] batch = new byte[0];
    private int position;
    private boolean ended;
    private ImportRejected rejection;
    private RuntimeException failure;
    private long rows;

    // the run being read; its latest line waits in text until the next line tells whether it was the last
    private boolean pending;
    private String runOrder;
    private String runClient;
    private LocalDate runDate;
    private long run;
    private int runLines;
    private BigDecimal runTotal;
    private BigDecimal runMargin;
    private String lastDateText;
    private LocalDate lastDate;

    OrderLineRows(CsvRows csv) {
        this.csv = csv;
        this.hasMargin = csv.has("margin");
        this.hasCategory = csv.has("product_category");
    }

    /** Data lines read and staged (the bad line, if any, not included). */
    long rows() {
        return rows;
    }

    /** The first bad line, or null. */
    ImportRejected rejection() {
        return rejection;
    }

    /** Rethrows what broke the reading other than a bad line (never swallowed by the driver). */
    void rethrowFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position == batch.length && !fill()) {
            return -1;
        }
        int count = Math.min(length, batch.length - position);
        System.arraycopy(batch, position, target, offset, count);
        position += count;
        return count;
    }

    // text starts with the end of the pending line, if any: the line itself went with the last batch
    private boolean fill() {
        text.setLength(0);
        try {
            while (!ended && text.length() < BATCH_CHARS) {
                CsvRow row = csv.nextRow();
                if (row == null) {
                    ended = true;
                } else {
                    append(row);
                    rows++;
                }
            }
        } catch (ImportRejected bad) {
            rejection = bad;
            ended = true;
        } catch (RuntimeException e) {
            failure = e;
            ended = true;
        }
        if (ended && pending) {
            endRun();
        }
        batch = text.toString().getBytes(StandardCharsets.UTF_8);
        position = 0;
        return batch.length > 0;
    }

    // validates the whole line before writing any of it, so a bad line leaves no partial row
    private void append(CsvRow row) {
        String clientId = row.required("client_id", 64);
        String orderId = row.required("order_id", 64);
        LocalDate date = date(row);
        BigDecimal amount = row.amount("amount");
        BigDecimal margin = hasMargin && !row.text("margin").isEmpty() ? row.amount("margin") : null;
        String category = hasCategory ? Codes.of(row, "product_category", 64, "kitchenware, CANDLES") : null;
        if (pending && orderId.equals(runOrder) && clientId.equals(runClient) && date.equals(runDate)) {
            text.append(NOT_LAST);
        } else {
            if (pending) {
                endRun();
            }
            runOrder = orderId;
            runClient = clientId;
            runDate = date;
            run = row.line();
            runLines = 0;
            runTotal = BigDecimal.ZERO;
            runMargin = null;
        }
        runLines++;
        runTotal = runTotal.add(amount);
        if (margin != null) {
            runMargin = runMargin == null ? margin : runMargin.add(margin);
        }
        text.append(run).append('\t').append(runLines).append('\t');
        escaped(orderId).append('\t').append(amount.toPlainString()).append('\t')
                .append(margin == null ? "\\N" : margin.toPlainString()).append('\t');
        if (category == null) {
            text.append("\\N");
        } else {
            escaped(category);
        }
        pending = true;
    }

    private void endRun() {
        text.append('\t');
        escaped(runClient).append('\t').append(runDate).append('\t').append(runLines).append('\t')
                .append(runTotal.toPlainString()).append('\t').append(runMargin == null ? "\\N" : runMargin.toPlainString())
                .append('\n');
        pending = false;
    }

    // the lines of an order share its date: parse each distinct text once
    private LocalDate date(CsvRow row) {
        String value = row.text("order_date");
        if (!value.equals(lastDateText)) {
            lastDate = row.date("order_date");
            lastDateText = value;
        }
        return lastDate;
    }

    // tabs and line breaks cannot occur (control characters are refused); backslash is the escape
    private StringBuilder escaped(String value) {
        return value.indexOf('\\') < 0 ? text.append(value) : text.append(value.replace("\\", "\\\\"));
    }
}
