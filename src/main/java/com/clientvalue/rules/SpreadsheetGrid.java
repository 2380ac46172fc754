package com.clientvalue.rules;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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

    /**
     * The grid as the CSV an analyst would have saved: a sheet is compiled from this text, so an
     * .xlsx copy of a CSV table gives the same rules (joined columns use the CSV convention of
     * cells ending in "...", which the spreadsheet reader of Drools does not know).
     */
    String toCsv() {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            for (List<String> row : rows) {
                printer.printRecord(row.isEmpty() ? List.of("", "") : row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    // Drools reads the first sheet only, so this checks the same one
    private static SpreadsheetGrid readWorkbook(byte[] content) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                }
                rows.add(cells);
            }
            spreadMergedCells(sheet, rows);
        }
        return new SpreadsheetGrid(rows);
    }

    /**
     * A cell as its CSV would hold it. Spreadsheet programs turn the CSV's true/false into
     * booleans they show as TRUE/FALSE and its numbers into numbers: both are written back the way
     * the CSV had them. A line break typed inside a cell becomes a space, so that rows keep their
     * numbers.
     */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? FORMATTER.formatCellValue(cell)
                    : new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue().replaceAll("\\R", " ");
            default -> "";
        };
    }

    private static final DataFormatter FORMATTER = new DataFormatter();

    /**
     * Merged cells, the spreadsheet way of joining columns into one pattern: every cell of the
     * region gets the region's value, and in a table's object row each gets the "..." that joins
     * it in CSV.
     */
    private static void spreadMergedCells(Sheet sheet, List<List<String>> rows) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            String value = cellAt(rows, region.getFirstRow(), region.getFirstColumn());
            boolean objectRow = isObjectRow(rows, region.getFirstRow());
            for (int r = region.getFirstRow(); r <= region.getLastRow() && r < rows.size(); r++) {
                for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                    List<String> row = rows.get(r);
                    while (row.size() <= c) {
                        row.add("");
                    }
                    boolean joined = objectRow && region.getLastColumn() > region.getFirstColumn() && !value.isBlank()
                            && !value.trim().endsWith("...");
                    row.set(c, joined ? value.trim() + "..." : value);
                }
            }
        }
    }

    private static boolean isObjectRow(List<List<String>> rows, int rowIndex) {
        return rowIndex >= 2 && rows.get(rowIndex - 2).stream().anyMatch(c -> c != null && c.trim().startsWith("RuleTable"));
    }

    private static String cellAt(List<List<String>> rows, int r, int c) {
        return r < rows.size() && c < rows.get(r).size() ? rows.get(r).get(c) : "";
    }
}
