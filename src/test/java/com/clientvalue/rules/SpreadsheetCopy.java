package com.clientvalue.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV table saved as .xlsx the way Excel or LibreOffice does when an analyst opens the CSV and
 * saves it: every cell where it was, numbers stored as numbers, true/false as booleans, empty
 * cells left out, text as text.
 */
public final class SpreadsheetCopy {
    private SpreadsheetCopy() {
    }

    public static byte[] xlsx(String csv) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream();
             CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180)) {
            Sheet sheet = workbook.createSheet("Sheet1");
            int r = 0;
            for (CSVRecord record : parser) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    String value = record.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (value.matches("-?\\d+(\\.\\d+)?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        row.createCell(c).setCellValue(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decision tables of a folder (not the lists: vocabulary, tests, invariants, budget). */
    public static List<String> tables(List<RuleSource> sources) {
        List<String> tables = new ArrayList<>();
        sources.stream().filter(s -> s.kind() == RuleSource.Kind.CSV_TABLE).forEach(s -> tables.add(s.path()));
        return tables;
    }

    /** The same sources with these CSV tables replaced by their .xlsx copies. */
    public static List<RuleSource> withXlsx(List<RuleSource> sources, List<String> tables) {
        List<RuleSource> copy = new ArrayList<>();
        for (RuleSource source : sources) {
            copy.add(tables.contains(source.path())
                    ? new RuleSource(xlsxPath(source.path()), xlsx(source.text())) : source);
        }
        return copy;
    }

    public static String xlsxPath(String csvPath) {
        return csvPath.replaceFirst("\\.csv$", ".xlsx");
    }
}
