package org.hsgd.figure;

import java.util.EnumSet;
import java.util.Set;
import org.hsgd.Require;

/**
 * How figures look on the page: their printed size, font and text sizes, how panels are laid out,
 * and the files written. {@link Venue} gives the styles of the common venues; the defaults are one
 * column wide, 8 pt DejaVu Sans, no title.
 *
 * @param widthInches printed width
 * @param heightInches printed height of one panel, or {@link #GOLDEN}: its width over the golden
 *     ratio
 * @param typeface the font, embedded
 * @param labelPoints axis titles, at the printed size
 * @param smallPoints tick labels and the legend
 * @param panelColumns panels per row, or 0: side by side from {@link #SIDE_BY_SIDE_FROM} inches on
 *     (at most three to a row), stacked below it
 * @param formats the files written
 */
public record PaperStyle(
    double widthInches,
    double heightInches,
    Typeface typeface,
    double labelPoints,
    double smallPoints,
    int panelColumns,
    Set<FigureFormat> formats) {

  /** The width of one column of a two-column paper, in inches. */
  public static final double ONE_COLUMN = 3.3;

  /** The width of both columns of a two-column paper, in inches. */
  public static final double TWO_COLUMN = 6.9;

  /** A panel height that is the panel's width over the golden ratio (no height one could type). */
  public static final double GOLDEN = Double.NaN;

  /** The golden ratio. */
  static final double PHI = (1 + Math.sqrt(5)) / 2;

  /** Panels sit side by side from this width on, and are stacked below it. */
  static final double SIDE_BY_SIDE_FROM = 5;

  /** The most panels a row holds when the layout is automatic. */
  static final int MOST_PER_ROW = 3;

  /**
   * @throws org.hsgd.InvalidInputException naming the figure field out of range
   */
  public PaperStyle {
    Require.inRange("figures.width", widthInches, 1, 20);
    if (!Double.isNaN(heightInches)) {
      Require.inRange("figures.height", heightInches, 0.5, 20);
    }
    Require.inRange("figures.font-size", labelPoints, 5, 14);
    Require.inRange("figures.font-size", smallPoints, 5, 14);
    Require.inRange("figures.columns", panelColumns, 0, 6);
    Require.that(
        !formats.isEmpty(), "figures.formats", "must name at least one format", () -> "[]");
    formats = Set.copyOf(formats);
  }

  /** One column (3.3 in), 8 pt DejaVu Sans, panels 2.3 in high, PDF, SVG and PNG. */
  public static PaperStyle oneColumn() {
    return new PaperStyle(
        ONE_COLUMN, 2.3, Typeface.SANS, 8, 8, 0, EnumSet.allOf(FigureFormat.class));
  }

  /** Two columns (6.9 in), 9 pt DejaVu Sans, panels 2.6 in high, PDF, SVG and PNG. */
  public static PaperStyle twoColumn() {
    return new PaperStyle(
        TWO_COLUMN, 2.6, Typeface.SANS, 9, 9, 0, EnumSet.allOf(FigureFormat.class));
  }

  public PaperStyle withSize(double width, double height) {
    return new PaperStyle(width, height, typeface, labelPoints, smallPoints, panelColumns, formats);
  }

  /** Every text at {@code points}, or the small text a point below where the style has it so. */
  public PaperStyle withFontPoints(double points) {
    double small = smallPoints < labelPoints ? Math.max(5, points - 1) : points;
    return new PaperStyle(
        widthInches, heightInches, typeface, points, small, panelColumns, formats);
  }

  public PaperStyle withPanelColumns(int columns) {
    return new PaperStyle(
        widthInches, heightInches, typeface, labelPoints, smallPoints, columns, formats);
  }

  public PaperStyle withFormats(Set<FigureFormat> chosen) {
    return new PaperStyle(
        widthInches, heightInches, typeface, labelPoints, smallPoints, panelColumns, chosen);
  }

  /** Panels per row for a figure of {@code panels} panels. */
  int columnsFor(int panels) {
    if (panelColumns > 0) {
      return Math.min(panelColumns, panels);
    }
    return widthInches >= SIDE_BY_SIDE_FROM ? Math.min(panels, MOST_PER_ROW) : 1;
  }

  /** The printed height of one panel of {@code panelWidthInches}. */
  double panelHeightInches(double panelWidthInches) {
    return Double.isNaN(heightInches) ? panelWidthInches / PHI : heightInches;
  }
}
