package io.datamesh.cli;

import java.io.PrintWriter;
import java.util.List;

/** Rows printed in aligned columns; the last column is left unpadded so long text does not pad every row. */
final class TextTable {
    private TextTable() {
    }

    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns - 1];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.append(row[columns - 1]).toString().stripTrailing());
        }
        out.flush();
    }
}
