package org.hsgd.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** Column headers in mathematical notation; other columns show their name in words. */
  private static final Map<String, String> MATH_HEADERS =
      Map.ofEntries(
          Map.entry("I", "$I$"),
          Map.entry("G", "$G$"),
          Map.entry("T", "$T$"),
          Map.entry("gamma", "$\\gamma$"),
          Map.entry("gamma_max", "$\\gamma_{\\max}$"),
          Map.entry("total", "$B$"),
          Map.entry("numeric", "$B_{\\mathrm{num}}$"),
          Map.entry("numeric_gamma", "$\\gamma_{\\mathrm{num}}$"),
          Map.entry("numeric_over_closed", "$B_{\\mathrm{num}}/B$"),
          Map.entry("T_for_target", "$T^\\star$"),
          Map.entry("T_for_target_numeric", "$T^\\star_{\\mathrm{num}}$"),
          Map.entry("value", "$B$"),
          Map.entry("measured", "$\\frac{1}{T}\\sum_t \\|\\nabla f(u_t)\\|^2$"),
          Map.entry("upper_limit", "upper 95\\,\\%"),
          Map.entry("exact", "$\\mathbb{E}$ exact"),
          Map.entry("ratio", "ratio"),
          Map.entry("lower_mean", "lower mean"),
          Map.entry("upper_mean", "upper mean"),
          Map.entry("p_ordered", "$p$ ordered"),
          Map.entry("p_reversed", "$p$ reversed"),
          Map.entry("B_local_P1", "$B_{P_1}$"),
          Map.entry("B_hsgd", "$B_{\\mathrm{H}}$"),
          Map.entry("B_local_PK", "$B_{P_K}$"),
          Map.entry("gamma_local_P1", "$\\gamma_{P_1}$"),
          Map.entry("gamma_hsgd", "$\\gamma_{\\mathrm{H}}$"),
          Map.entry("gamma_local_PK", "$\\gamma_{P_K}$"));

  /**
   * A booktabs LaTeX tabular: math headers where the column is a symbol, numbers to four
   * significant digits ({@code $1.234\times10^{-5}$} outside 0.001 to 99999), and the notes (a
   * verdict, say) as footnote-size lines under the rule.
   */
  public static String latex(Table table, List<String> notes) {
    Table shown = formatted(table, null);
    StringBuilder tex = new StringBuilder();
    tex.append("% ").append(table.name()).append(" (hsgd); needs \\usepackage{booktabs}\n");
    tex.append("\\begin{tabular}{l")
        .append("r".repeat(shown.columnCount() - 1))
        .append("}\n\\toprule\n");
    tex.append(
            String.join(
                " & ",
                shown.columnNames().stream()
                    .map(n -> MATH_HEADERS.getOrDefault(n, escape(n.replace('_', ' '))))
                    .toList()))
        .append(" \\\\\n\\midrule\n");
    for (int row = 0; row < shown.rowCount(); row++) {
      StringBuilder line = new StringBuilder();
      for (int col = 0; col < shown.columnCount(); col++) {
        String cell = shown.getString(row, col);
        line.append(col == 0 ? "" : " & ").append(cell.startsWith("$") ? cell : escape(cell));
      }
      tex.append(line).append(" \\\\\n");
    }
    tex.append("\\bottomrule\n");
    for (String note : notes) {
      tex.append("\\multicolumn{")
          .append(shown.columnCount())
          .append("}{l}{\\footnotesize ")
          .append(escape(note))
          .append("} \\\\\n");
    }
    return tex.append("\\end{tabular}\n").toString();
  }

  /** A number as LaTeX: 0.1235, 1235, or $1.235\times10^{-5}$. */
  static String latexNumber(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (value == 0 || (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5)) {
      return new java.math.BigDecimal(value)
          .round(new java.math.MathContext(4))
          .stripTrailingZeros()
          .toPlainString();
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "$\\infty$" : "$-\\infty$";
    }
    int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
    String mantissa =
        new java.math.BigDecimal(value / Math.pow(10, exponent))
            .round(new java.math.MathContext(4))
            .stripTrailingZeros()
            .toPlainString();
    return "$" + mantissa + "\\times10^{" + exponent + "}$";
  }

  private static Table formatted(Table table) {
    return formatted(table, "%.6g");
  }

  /** A copy with every double column as text in the given format, or as LaTeX for null. */
  private static Table formatted(Table table, String numberFormat) {
    Table copy = Table.create(table.name());
    for (Column<?> column : table.columns()) {
      // instanceof, not type() ==: Tablesaw's type singletons depend on class-initialisation order.
      if (column instanceof DoubleColumn numbers) {
        StringColumn text = StringColumn.create(column.name());
        for (int row = 0; row < numbers.size(); row++) {
          double value = numbers.getDouble(row);
          text.append(
              numbers.isMissing(row)
                  ? ""
                  : numberFormat == null
                      ? latexNumber(value)
                      : String.format(Locale.ROOT, numberFormat, value));
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
