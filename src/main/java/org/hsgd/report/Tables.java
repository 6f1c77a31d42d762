package org.hsgd.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumberColumn;
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

  /**
   * A text table for the terminal, at most {@link Lines#TERMINAL_WIDTH} wide: a text column with
   * one value in every row (the experiment, the grouping) is said once above the table instead, or
   * not at all where that value is empty.
   */
  public static String text(Table table) {
    Table shown = table.copy();
    List<String> same = new ArrayList<>();
    if (table.rowCount() > 1) {
      for (Column<?> column : table.columns()) {
        if (column instanceof StringColumn words && words.countUnique() == 1) {
          if (!words.get(0).isEmpty()) {
            same.add(column.name() + ": " + words.get(0));
          }
          shown.removeColumns(column.name());
        }
      }
    }
    return paper(shown, PaperTable.Text.of(String.join(", ", same)), List.of())
        .text(Lines.TERMINAL_WIDTH);
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
          Map.entry("T_for_target", "$T^\\star$"),
          Map.entry("T_for_target_numeric", "$T^\\star_{\\mathrm{num}}$"),
          Map.entry("lower_total", "$B_{P_1}$"),
          Map.entry("hsgd_total", "$B_{\\mathrm{H}}$"),
          Map.entry("upper_total", "$B_{P_K}$"),
          Map.entry("lower_numeric", "$B^{\\mathrm{num}}_{P_1}$"),
          Map.entry("hsgd_numeric", "$B^{\\mathrm{num}}_{\\mathrm{H}}$"),
          Map.entry("upper_numeric", "$B^{\\mathrm{num}}_{P_K}$"),
          Map.entry("sandwich_holds", "sandwich"),
          Map.entry("sigma2", "$\\sigma^2$"),
          Map.entry("delta", "$\\Delta$"),
          Map.entry("eps2_total", "$\\varepsilon^2$"));

  /**
   * The table as a paper shows it: headers in the paper's notation where the column is a symbol,
   * numbers to four significant digits, counts in full, other cells as text.
   */
  public static PaperTable paper(
      Table table, PaperTable.Text caption, List<PaperTable.Text> notes) {
    List<PaperTable.Header> headers = new ArrayList<>();
    for (String name : table.columnNames()) {
      headers.add(
          new PaperTable.Header(
              PLAIN_HEADERS.getOrDefault(name, name),
              MATH_HEADERS.getOrDefault(name, Latex.text(name.replace('_', ' ')))));
    }
    List<List<PaperTable.Cell>> rows = new ArrayList<>();
    for (int row = 0; row < table.rowCount(); row++) {
      List<PaperTable.Cell> cells = new ArrayList<>();
      for (Column<?> column : table.columns()) {
        cells.add(cell(column, row));
      }
      rows.add(cells);
    }
    return new PaperTable(table.name(), caption, headers, rows, notes);
  }

  private static PaperTable.Cell cell(Column<?> column, int row) {
    if (column.isMissing(row)) {
      return PaperTable.EMPTY;
    }
    // instanceof, not type() ==: Tablesaw's type singletons depend on class-initialisation order.
    if (column instanceof DoubleColumn numbers) {
      return PaperTable.Number.of(numbers.getDouble(row));
    }
    if (column instanceof NumberColumn<?, ?> counts) {
      return PaperTable.Number.count((long) counts.getDouble(row));
    }
    return PaperTable.Text.of(column.getString(row));
  }

  /** Lines as LaTeX comments, with the packages the tables need: for the author, not the page. */
  public static String commented(List<String> notes) {
    StringBuilder tex = new StringBuilder("% hsgd; needs \\usepackage{booktabs,siunitx,amsmath}\n");
    notes.forEach(n -> tex.append("% note: ").append(n).append('\n'));
    return tex.toString();
  }

  /** Headers on the terminal where the column's name is not the symbol a reader knows. */
  private static final Map<String, String> PLAIN_HEADERS =
      Map.of(
          "total", "B",
          "numeric", "B_num",
          "numeric_gamma", "gamma_num",
          "T_for_target", "T*",
          "T_for_target_numeric", "T*_num");
}
