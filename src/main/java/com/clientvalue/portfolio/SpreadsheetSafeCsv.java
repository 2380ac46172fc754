package com.clientvalue.portfolio;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV for CRMs and spreadsheets. Text that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) is prefixed with a quote, so it shows as text; plain
 * numbers such as -10 stay numbers.
 */
final class SpreadsheetSafeCsv {
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");
    private SpreadsheetSafeCsv() {
    }

    static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetSafeCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                && !NUMBER.matcher(text).matches()) {
            return "'" + text;
        }
        return value;
    }
}
