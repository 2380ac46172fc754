package com.clientvalue.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * The plain CSV lists of the rules folder (vocabularies, invariants, budget weights): a fixed
 * header, one record per line. Problems name the file and line; unreadable records are left out.
 */
public final class RuleCsv {
    private RuleCsv() {
    }

    public static List<CSVRecord> read(RuleSource source, List<String> header, List<RuleProblem> problems) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        String text = source.text().startsWith("\uFEFF") ? source.text().substring(1) : source.text();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!parser.getHeaderNames().equals(header)) {
                problems.add(new RuleProblem(source.path(), null, 1, null,
                        "the header must be " + String.join(",", header) + ", found " + String.join(",", parser.getHeaderNames())));
                return List.of();
            }
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord record : records) {
                if (!record.isConsistent()) {
                    problems.add(new RuleProblem(source.path(), null, line(record), null,
                            "expected " + header.size() + " columns, found " + record.size()));
                }
            }
            return records.stream().filter(CSVRecord::isConsistent).toList();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new RuleProblem(source.path(), null, null, null, "the file cannot be read: " + e.getMessage()));
            return List.of();
        }
    }

    /** The line a record starts on: the header is line 1 and these files hold no line breaks in cells. */
    public static int line(CSVRecord record) {
        return (int) record.getRecordNumber() + 1;
    }
}
