package org.hsgd.figure;

import java.util.EnumSet;
import java.util.Set;
import org.hsgd.Require;

/**
 * How figures look on the page: their printed size, the text size and the files written. The
 * defaults are for a paper: one column wide, 8 pt text, no title.
 *
 * @param widthInches printed width; {@link #ONE_COLUMN} or {@link #TWO_COLUMN} for most venues
 * @param heightInches printed height of one panel
 * @param fontPoints text size at the printed size
 * @param formats the files written
 */
public record PaperStyle(
    double widthInches, double heightInches, double fontPoints, Set<FigureFormat> formats) {

  /** The width of one column of a two-column paper, in inches. */
  public static final double ONE_COLUMN = 3.3;

  /** The width of both columns of a two-column paper, in inches. */
  public static final double TWO_COLUMN = 6.9;

  /** Panels sit side by side from this width on, and are stacked below it. */
  static final double SIDE_BY_SIDE_FROM = 5;

  /**
   * @throws org.hsgd.InvalidInputException naming the figure field out of range
   */
  public PaperStyle {
    Require.inRange("figures.width", widthInches, 1, 20);
    Require.inRange("figures.height", heightInches, 0.5, 20);
    Require.inRange("figures.font-size", fontPoints, 5, 14);
    Require.that(
        !formats.isEmpty(), "figures.formats", "must name at least one format", () -> "[]");
    formats = Set.copyOf(formats);
  }

  /** One column (3.3 in), 8 pt text, PDF, SVG and PNG. */
  public static PaperStyle oneColumn() {
    return new PaperStyle(ONE_COLUMN, 2.3, 8, EnumSet.allOf(FigureFormat.class));
  }

  /** Two columns (6.9 in), 9 pt text, PDF, SVG and PNG. */
  public static PaperStyle twoColumn() {
    return new PaperStyle(TWO_COLUMN, 2.6, 9, EnumSet.allOf(FigureFormat.class));
  }

  public PaperStyle withSize(double width, double height) {
    return new PaperStyle(width, height, fontPoints, formats);
  }

  public PaperStyle withFontPoints(double points) {
    return new PaperStyle(widthInches, heightInches, points, formats);
  }

  public PaperStyle withFormats(Set<FigureFormat> chosen) {
    return new PaperStyle(widthInches, heightInches, fontPoints, chosen);
  }
}
