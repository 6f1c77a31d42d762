package org.hsgd.report;

import java.io.StringWriter;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as text, CSV or LaTeX. */
public final class Tables {
  private Tables() {}

  /** CSV with a header line; numbers at full precision. */
  public static String csv(Table table) {
    StringWriter out = new StringWriter();
    table.write().csv(out);
    return out.toString();
  }

  /** A text table for the terminal, numbers to six significant digits. */
  public static String text(Table table) {
    return formatted(table).printAll() + System.lineSeparator();
  }

  /** A booktabs LaTeX tabular, numbers to four significant digits. */
  public static String latex(Table table) {
    Table shown = formatted(table, "%.4g");
    StringBuilder tex = new StringBuilder();
    tex.append("% ").append(table.name()).append(" (hsgd); needs \\usepackage{booktabs}\n");
    tex.append("\\begin{tabular}{l")
        .append("r".repeat(shown.columnCount() - 1))
        .append("}\n\\toprule\n");
    tex.append(String.join(" & ", shown.columnNames().stream().map(Tables::escape).toList()))
        .append(" \\\\\n\\midrule\n");
    for (int row = 0; row < shown.rowCount(); row++) {
      StringBuilder line = new StringBuilder();
      for (int col = 0; col < shown.columnCount(); col++) {
        line.append(col == 0 ? "" : " & ").append(escape(shown.getString(row, col)));
      }
      tex.append(line).append(" \\\\\n");
    }
    return tex.append("\\bottomrule\n\\end{tabular}\n").toString();
  }

  private static Table formatted(Table table) {
    return formatted(table, "%.6g");
  }

  /** A copy with every double column as text in the given format. */
  private static Table formatted(Table table, String numberFormat) {
    Table copy = Table.create(table.name());
    for (Column<?> column : table.columns()) {
      // instanceof, not type() ==: Tablesaw's type singletons depend on class-initialisation order.
      if (column instanceof DoubleColumn numbers) {
        StringColumn text = StringColumn.create(column.name());
        for (int row = 0; row < numbers.size(); row++) {
          text.append(
              numbers.isMissing(row)
                  ? ""
                  : String.format(Locale.ROOT, numberFormat, numbers.getDouble(row)));
        }
        copy.addColumns(text);
      } else {
        copy.addColumns(column.copy());
      }
    }
    return copy;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\textbackslash{}")
        .replace("_", "\\_")
        .replace("&", "\\&")
        .replace("%", "\\%")
        .replace("#", "\\#")
        .replace("$", "\\$");
  }
}
