package org.hsgd.figure;

import java.util.Locale;

/**
 * A venue's page as its author kit states it: the width of a column and of the text, and the sizes
 * of figure text. Axis labels are set at {@code labelPoints}; tick labels and the legend a point
 * smaller where the venue allows it (AAAI asks for at least 9 pt everywhere).
 *
 * @param columnInches one column's width
 * @param textInches the text width, for a figure across both columns
 * @param labelPoints axis titles
 * @param smallPoints tick labels and the legend
 */
public enum Venue {
  /** Today's look: DejaVu Sans at 8 pt, 3.3 in and 6.9 in, panels 2.3 in high. */
  DEFAULT(PaperStyle.ONE_COLUMN, PaperStyle.TWO_COLUMN, 8, 8, Typeface.SANS),
  /** AAAI: 3.3125 in columns, 6.975 in text, figure text at least 9 pt. */
  AAAI(3.3125, 6.975, 9, 9, Typeface.SERIF),
  /** ICML: 3.25 in columns, 6.75 in text. */
  ICML(3.25, 6.75, 9, 8, Typeface.SERIF),
  /** NeurIPS: one 5.5 in column. */
  NEURIPS(5.5, 5.5, 9, 8, Typeface.SERIF),
  /** IEEE conferences and transactions: 3.5 in (21 pc) columns, 7.16 in (43 pc) text. */
  IEEE(3.5, 7.16, 9, 8, Typeface.SERIF);

  private final double columnInches;
  private final double textInches;
  private final double labelPoints;
  private final double smallPoints;
  private final Typeface typeface;

  Venue(
      double columnInches,
      double textInches,
      double labelPoints,
      double smallPoints,
      Typeface typeface) {
    this.columnInches = columnInches;
    this.textInches = textInches;
    this.labelPoints = labelPoints;
    this.smallPoints = smallPoints;
    this.typeface = typeface;
  }

  /** The key users type: "aaai". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The venue a key names, or null. */
  public static Venue byKey(String key) {
    for (Venue v : values()) {
      if (v.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    return null;
  }

  public double columnInches() {
    return columnInches;
  }

  public double textInches() {
    return textInches;
  }

  /** A figure one column wide in this venue's style. */
  public PaperStyle column() {
    return style(columnInches);
  }

  /** A figure across the text width in this venue's style. */
  public PaperStyle text() {
    return style(textInches);
  }

  private PaperStyle style(double width) {
    if (this == DEFAULT) {
      return width >= PaperStyle.TWO_COLUMN ? PaperStyle.twoColumn() : PaperStyle.oneColumn();
    }
    return new PaperStyle(
        width,
        PaperStyle.GOLDEN,
        typeface,
        labelPoints,
        smallPoints,
        0,
        java.util.EnumSet.allOf(FigureFormat.class));
  }
}
