package com.clientvalue.client;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams an import CSV (RFC 4180, UTF-8 with or without BOM, LF or CRLF, '#' comment lines) and
 * checks its header against the columns an import accepts. Line numbers are those an editor shows.
 */
final class CsvRows implements AutoCloseable {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private long endOfPreviousRecord;

    CsvRows(InputStream body, List<String> required, List<String> optional) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setIgnoreEmptyLines(false).build();
            this.parser = CSVParser.parse(reader, format);
            this.records = parser.iterator();
            readHeader(required, optional);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readHeader(List<String> required, List<String> optional) {
        CsvRow header;
        do {
            header = next();
            if (header == null) {
                throw new ImportRejected(1, null, "the file is empty: expected the header "
                        + String.join(",", required));
            }
        } while (header.isBlank());
        for (int i = 0; i < header.record().size(); i++) {
            String name = header.record().get(i).trim();
            if (!required.contains(name) && !optional.contains(name)) {
                throw new ImportRejected(header.line(), name, "unknown column; the header must name "
                        + String.join(",", required) + (optional.isEmpty() ? "" : " and may add " + String.join(",", optional)));
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new ImportRejected(header.line(), name, "the column appears twice in the header");
            }
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw new ImportRejected(header.line(), name, "required column missing from the header "
                        + String.join(",", required));
            }
        }
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The next data line, or null at the end; blank lines are skipped but still counted. */
    CsvRow nextRow() {
        CsvRow row;
        do {
            row = next();
        } while (row != null && row.isBlank());
        if (row != null && row.record().size() != columns.size()) {
            throw new ImportRejected(row.line(), null, "expected " + columns.size() + " columns, found "
                    + row.record().size());
        }
        return row;
    }

    private CsvRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            long commentLines = record.hasComment() ? record.getComment().lines().count() : 0;
            long line = endOfPreviousRecord + 1 + commentLines;
            endOfPreviousRecord = parser.getCurrentLineNumber();
            return new CsvRow(line, record, columns);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportRejected(parser.getCurrentLineNumber() + 1, null, "the CSV cannot be read: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
