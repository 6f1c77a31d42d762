package org.hsgd.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as a paper shows it, for the terminal and for LaTeX alike: a caption, headers in words
 * and in the paper's notation, text and number cells, and notes under it. Numbers keep the
 * significant digits their cell asks for, so the same strings appear in both forms.
 *
 * <p>LaTeX: a {@code table} (or, when wider than a column, {@code table*}) float with booktabs
 * rules and siunitx {@code S} columns, which align the decimals and print real minus signs and
 * powers of ten. It needs the packages booktabs, siunitx and amsmath.
 *
 * @param name what the table is, for its LaTeX label ("theory")
 * @param caption what the table shows and its verdict
 * @param headers one per column
 * @param rows the cells, one list per row, as many as there are headers
 * @param notes lines under the table
 */
public record PaperTable(
    String name, Text caption, List<Header> headers, List<List<Cell>> rows, List<Text> notes) {

  /** A column's title: in words for the terminal, in the paper's notation for LaTeX. */
  public record Header(String plain, String latex) {
    /** A header that reads the same in both forms. */
    public static Header words(String words) {
      return new Header(words, Latex.text(words));
    }
  }

  /** A cell: text, or a number shown to some significant digits. */
  public sealed interface Cell {
    /** As shown on the terminal. */
    String plain();
  }

  /** Text, with its LaTeX form. */
  public record Text(String plain, String latex) implements Cell {
    /** Text that reads the same in both forms. */
    public static Text of(String words) {
      return new Text(words, Latex.text(words));
    }
  }

  /** A number to {@code significant} digits; NaN shows an empty cell. */
  public record Number(double value, int significant) implements Cell {
    /** Four significant digits: enough for a table in a paper. */
    public static final int DIGITS = 4;

    public static Number of(double value) {
      return new Number(value, DIGITS);
    }

    /** An exact count, shown in full. */
    public static Number count(long value) {
      return new Number(value, Math.max(DIGITS, Long.toString(Math.abs(value)).length()));
    }

    @Override
    public String plain() {
      return format(value, significant);
    }
  }

  /** An empty cell. */
  public static final Cell EMPTY = new Text("", "");

  public PaperTable {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
    for (List<Cell> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            "a row of table " + name + " has " + row.size() + " cells for " + headers.size());
      }
    }
  }

  /** The same table with the cells of {@code column} replaced, row by row. */
  public PaperTable withColumn(int column, List<? extends Cell> cells) {
    List<List<Cell>> replaced = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<Cell> row = new ArrayList<>(rows.get(r));
      row.set(column, cells.get(r));
      replaced.add(row);
    }
    return new PaperTable(name, caption, headers, replaced, notes);
  }

  /**
   * The significant digits that tell {@code a} and {@code b} apart once rounded: at least {@link
   * Number#DIGITS}, more when they are close (202.980 and 202.994 need six).
   */
  public static int digitsToTell(double a, double b) {
    double scale = Math.max(Math.abs(a), Math.abs(b));
    double gap = Math.abs(a - b);
    if (!(gap > 0) || !Double.isFinite(scale)) {
      return Number.DIGITS;
    }
    int needed = (int) Math.ceil(Math.log10(scale / gap)) + 1;
    return Math.max(Number.DIGITS, Math.min(needed, 12));
  }

  /** A number rounded to {@code significant} digits: 0.01234, 202.98, 1.708e-4, inf. */
  static String format(double value, int significant) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(significant));
    double magnitude = Math.abs(rounded.doubleValue());
    if (magnitude >= 1e-3 && magnitude < 1e6) {
      String plain = rounded.toPlainString();
      return plain.contains(".") ? rounded.stripTrailingZeros().toPlainString() : plain;
    }
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
    return mantissa.toPlainString() + "e" + exponent;
  }

  /** The columns that hold numbers: aligned on the decimal point (their text cells centred). */
  private boolean numeric(int column) {
    return rows.stream().anyMatch(r -> r.get(column) instanceof Number);
  }

  /**
   * The table for the terminal at most {@code width} characters wide: the caption, the columns two
   * spaces apart (numbers to the right), and the notes, each wrapped; a text column too wide to fit
   * is wrapped within its cells.
   */
  public String text(int width) {
    int columns = headers.size();
    List<List<String>> cells = new ArrayList<>();
    cells.add(headers.stream().map(Header::plain).toList());
    rows.forEach(r -> cells.add(r.stream().map(Cell::plain).toList()));
    int[] widths = new int[columns];
    for (List<String> row : cells) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    int total = java.util.Arrays.stream(widths).sum() + 2 * (columns - 1);
    // First let the longest headers break after their underscores (final_grad / norm_sq), one
    // column at a time, until the table fits.
    while (total > width) {
      int best = -1;
      int bestSaving = 0;
      for (int c = 0; c < columns; c++) {
        int longest = 0;
        for (List<String> row : cells.subList(1, cells.size())) {
          longest = Math.max(longest, row.get(c).length());
        }
        for (String piece : headerPieces(headers.get(c).plain(), 1)) {
          longest = Math.max(longest, piece.length());
        }
        if (widths[c] - longest > bestSaving) {
          best = c;
          bestSaving = widths[c] - longest;
        }
      }
      if (best < 0) {
        break;
      }
      int narrower = Math.max(widths[best] - bestSaving, widths[best] - (total - width));
      while (!fits(headers.get(best).plain(), narrower)) {
        narrower++;
      }
      total -= widths[best] - narrower;
      widths[best] = narrower;
    }
    int widest = -1;
    for (int c = 0; c < columns; c++) {
      if (!numeric(c) && (widest < 0 || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (total > width && widest >= 0) {
      widths[widest] = Math.max(12, widths[widest] - (total - width));
    }
    StringBuilder out = new StringBuilder();
    if (!caption.plain().isEmpty()) {
      Lines.wrap(caption.plain(), width, "", "  ").forEach(l -> out.append(l).append('\n'));
    }
    for (int r = 0; r < cells.size(); r++) {
      boolean[] right = new boolean[columns];
      for (int c = 0; c < columns; c++) {
        right[c] = r == 0 ? numeric(c) : rows.get(r - 1).get(c) instanceof Number;
      }
      appendRow(out, cells.get(r), widths, right, r == 0);
      if (r == 0) {
        out.append(
                "-"
                    .repeat(
                        Math.min(width, java.util.Arrays.stream(widths).sum() + 2 * (columns - 1))))
            .append('\n');
      }
    }
    for (Text note : notes) {
      Lines.wrap("note: " + note.plain(), width, "", "  ").forEach(l -> out.append(l).append('\n'));
    }
    return out.toString();
  }

  /** One row, numbers to the right ({@code right}), its cells wrapped to their widths. */
  private static void appendRow(
      StringBuilder out, List<String> row, int[] widths, boolean[] right, boolean header) {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int c = 0; c < row.size(); c++) {
      List<String> parts =
          row.get(c).length() <= widths[c]
              ? List.of(row.get(c))
              : header
                  ? headerPieces(row.get(c), widths[c])
                  : Lines.wrap(row.get(c), widths[c], "", "");
      wrapped.add(parts);
      lines = Math.max(lines, parts.size());
    }
    for (int line = 0; line < lines; line++) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String part = line < wrapped.get(c).size() ? wrapped.get(c).get(line) : "";
        String padding = " ".repeat(Math.max(0, widths[c] - part.length()));
        text.append(c == 0 ? "" : "  ").append(right[c] ? padding + part : part + padding);
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
  }

  private static boolean fits(String header, int width) {
    return headerPieces(header, width).stream().allMatch(l -> l.length() <= width);
  }

  /**
   * A header in lines of at most {@code width}, broken after underscores and at spaces: the pieces
   * themselves where {@code width} is 1.
   */
  private static List<String> headerPieces(String header, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String token : header.split("(?<=_)|(?= )")) {
      String piece = line.length() == 0 ? token.stripLeading() : token;
      if (line.length() > 0 && line.length() + piece.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
        piece = token.stripLeading();
      }
      line.append(piece);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Points per character of a small (9 pt) Times line, on average: for choosing the float. */
  private static final double POINTS_PER_CHARACTER = 4.5;

  /** The width of one column of a two-column paper, in points (3.3 in). */
  private static final double COLUMN_POINTS = 238;

  /**
   * The table as a LaTeX float: {@code table} if it fits a column, else {@code table*}; small type,
   * booktabs rules, siunitx columns for numbers, the caption above and the notes under it.
   *
   * @param label the float's label, {@code \label{<label>}}
   */
  public String latex(String label) {
    int columns = headers.size();
    double points = 0;
    StringBuilder spec = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      int characters = visible(headers.get(c).latex()).length();
      for (List<Cell> row : rows) {
        characters = Math.max(characters, row.get(c).plain().length());
      }
      points += Math.min(characters, 24) * POINTS_PER_CHARACTER + 8;
      spec.append(numeric(c) ? "S[table-format=" + tableFormat(c) + ",group-digits=false]" : "l");
    }
    String environment = points > COLUMN_POINTS ? "table*" : "table";
    StringBuilder tex = new StringBuilder();
    tex.append("\\begin{").append(environment).append("}[tbp]\n");
    tex.append("\\centering\\small\\setlength{\\tabcolsep}{4pt}\n");
    tex.append("\\caption{").append(caption.latex()).append("}\n");
    tex.append("\\label{").append(label).append("}\n");
    tex.append("\\begin{tabular}{").append(spec).append("}\n\\toprule\n");
    List<String> titles = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String title = headers.get(c).latex();
      titles.add(numeric(c) ? "{" + title + "}" : title);
    }
    tex.append(String.join(" & ", titles)).append(" \\\\\n\\midrule\n");
    for (List<Cell> row : rows) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        cells.add(latexCell(row.get(c), numeric(c)));
      }
      tex.append(String.join(" & ", cells)).append(" \\\\\n");
    }
    tex.append("\\bottomrule\n\\end{tabular}\n");
    for (Text note : notes) {
      tex.append("\\par\\smallskip{\\footnotesize ").append(note.latex()).append("\\par}\n");
    }
    return tex.append("\\end{").append(environment).append("}\n").toString();
  }

  /** What LaTeX prints of {@code tex}, about: commands and braces removed. */
  private static String visible(String tex) {
    return tex.replaceAll("\\\\[a-zA-Z]+", "").replaceAll("[{}$^_\\\\]", "");
  }

  private static String latexCell(Cell cell, boolean numericColumn) {
    if (cell instanceof Number n) {
      String shown = n.plain();
      if (shown.endsWith("inf")) {
        return (shown.startsWith("-") ? "{$-\\infty$}" : "{$\\infty$}");
      }
      return shown; // a column with a number is a siunitx column, which reads 1.7e-4 itself
    }
    Text text = (Text) cell;
    return numericColumn && !text.latex().isEmpty() ? "{" + text.latex() + "}" : text.latex();
  }

  /**
   * siunitx's {@code table-format} of a column: the most integer and decimal digits, a sign if any
   * number is negative, and an exponent if any has one ("-2.4e-2").
   */
  private String tableFormat(int column) {
    int integer = 1;
    int decimals = 0;
    int exponent = 0;
    boolean sign = false;
    boolean exponentSign = false;
    for (List<Cell> row : rows) {
      if (!(row.get(column) instanceof Number n)
          || n.plain().isEmpty()
          || n.plain().endsWith("inf")) {
        continue;
      }
      String s = n.plain();
      sign |= s.startsWith("-");
      String[] parts = s.replace("-", "").split("e");
      if (parts.length > 1) {
        exponentSign |= s.substring(s.indexOf('e')).contains("-");
        exponent = Math.max(exponent, parts[1].length());
      }
      int point = parts[0].indexOf('.');
      integer = Math.max(integer, point < 0 ? parts[0].length() : point);
      decimals = Math.max(decimals, point < 0 ? 0 : parts[0].length() - point - 1);
    }
    return (sign ? "-" : "")
        + integer
        + "."
        + decimals
        + (exponent > 0 ? "e" + (exponentSign ? "-" : "") + exponent : "");
  }
}
