package com.clientvalue.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** The cells of a decision table file as text, row by row, as a spreadsheet shows them. */
record SpreadsheetGrid(List<List<String>> rows) {

    static SpreadsheetGrid read(RuleSource source) throws IOException {
        return source.kind() == RuleSource.Kind.XLSX_TABLE ? readWorkbook(source.content()) : readCsv(source.text());
    }

    String cell(int rowIndex, int columnIndex) {
        if (rowIndex < 0 || rowIndex >= rows.size()) {
            return "";
        }
        List<String> row = rows.get(rowIndex);
        return columnIndex < row.size() && row.get(columnIndex) != null ? row.get(columnIndex).trim() : "";
    }

    boolean isBlank(int rowIndex) {
        return rowIndex >= rows.size() || rows.get(rowIndex).stream().allMatch(c -> c == null || c.isBlank());
    }

    int width(int rowIndex) {
        return rowIndex < rows.size() ? rows.get(rowIndex).size() : 0;
    }

    static String columnLetter(int columnIndex) {
        StringBuilder letters = new StringBuilder();
        for (int n = columnIndex + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    private static SpreadsheetGrid readCsv(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return new SpreadsheetGrid(rows);
    }

    // Drools reads the first sheet only, so this checks the same one
    private static SpreadsheetGrid readWorkbook(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
        }
        return new SpreadsheetGrid(rows);
    }
}
