package com.clientvalue.console.rules;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A rule file as a spreadsheet to edit in Excel or LibreOffice: one sheet, every cell as the text the CSV holds. */
final class SpreadsheetCopy {
    private SpreadsheetCopy() {
    }

    static byte[] of(RuleGrid grid) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String name = grid.path().substring(grid.path().lastIndexOf('/') + 1).replace(".csv", "");
            Sheet sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
            for (RuleGrid.Line line : grid.lines()) {
                Row row = sheet.createRow(line.number() - 1);
                List<String> cells = line.cells();
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        // text, not numbers: 60 stays 60 and 0.50 stays 0.50 when it comes back
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
